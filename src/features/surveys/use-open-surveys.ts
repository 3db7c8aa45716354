import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { Survey } from '@/domain/entities'
import { isoDateOf, type Clock } from '@/domain/rules/dates'
import { draftKey } from '@/survey-engine/drafts'
import { answerState, inAudience, isOpenOn, type AnswerState } from './survey-status'
import { byCodeUnits } from '@/domain/rules/order'

export interface OpenSurvey {
  survey: Survey
  state: AnswerState
}

/**
 * Surveys open today for this member (their audience), closing soonest first, with where they stand;
 * null until the device has been read (so "no survey is open" is never said before it is known).
 */
export function useOpenSurveys(options: { db?: HubDb; now?: () => Clock } = {}): ShallowRef<readonly OpenSurvey[] | null> {
  const database = options.db ?? defaultDb
  const now = options.now ?? Date.now
  return useLiveQuery<readonly OpenSurvey[] | null>(
    async () => {
      const today = isoDateOf(now())
      const [open, profiles, rows] = await Promise.all([
        database.surveys
          .where('status')
          .equals('open')
          .filter((s) => isOpenOn(s, today))
          .toArray(),
        database.profiles.toArray(),
        database.surveySubmissions.toArray(),
      ])
      const me = profiles.find((p) => !p.deleted)
      const mine = open.filter((s) => inAudience(s, me))
      const drafts = new Set((await database.drafts.bulkGet(mine.map((s) => draftKey(s.id)))).filter(Boolean).map((d) => d!.key))
      const byId = new Map(rows.map((r) => [r.surveyId, r]))
      return mine
        .sort((a, b) => byCodeUnits(a.closesAt, b.closesAt))
        .map((survey) => ({ survey, state: answerState(byId.get(survey.id), drafts.has(draftKey(survey.id))) }))
    },
    { initial: null },
  )
}
