/**
 * Autosaved answers-in-progress, in the shared `drafts` table (key `survey:<id>`), so a
 * half-answered survey survives a reload, a closed tab or a flat battery.
 */
import { db as defaultDb, type HubDb } from '@/db/database'
import { deleteDraft, readDraft, writeDraft } from '@/db/drafts'
import type { AnswerMap } from './rules'

export interface AnswerDraft {
  answers: AnswerMap
  /** Screen the respondent was on. */
  position: number
}

export const draftKey = (surveyId: string) => `survey:${surveyId}`

export async function loadAnswerDraft(surveyId: string, database: HubDb = defaultDb): Promise<AnswerDraft | null> {
  const row = await readDraft<Record<string, unknown>>(draftKey(surveyId), database)
  if (!row) return null
  const answers = row.value.answers
  const position = row.value.position
  return {
    answers: answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as AnswerMap) : {},
    position: typeof position === 'number' && Number.isInteger(position) && position >= 0 ? position : 0,
  }
}

export async function saveAnswerDraft(
  surveyId: string,
  draft: AnswerDraft,
  database: HubDb = defaultDb,
  now: () => number = Date.now,
): Promise<void> {
  // Plain copies only: IndexedDB cannot clone Vue proxies.
  const value = { answers: JSON.parse(JSON.stringify(draft.answers)) as AnswerMap, position: draft.position }
  await writeDraft(draftKey(surveyId), value, database, now())
}

export async function clearAnswerDraft(surveyId: string, database: HubDb = defaultDb): Promise<void> {
  await deleteDraft(draftKey(surveyId), database)
}
