/**
 * saveSurveyTheme: a lead (or champion) groups free-text answers under a named theme, and records
 * the action-plan idea a theme became. Themes tag answer *texts* by content key, never responses,
 * so tagging cannot group one person's answers together. Stored at
 * institutions/{inst}/surveys/{id}/themes/{themeId}, which no client reads directly.
 */
import * as v from 'valibot'
import { FieldValue, type Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { Id, requiredText } from '@/domain/common'
import type { SurveyTheme } from '@/survey-engine/types'
import { typedError } from '../errors'
import { MIN_RESPONSES } from './answers'
import { loadResponses, loadSurvey, parseInput, requireOrganiser, TEXT_KEY } from './access'
import { listTexts, loadThemes } from './texts'

export const MAX_THEMES = 50

export const ThemeInputSchema = v.pipe(
  v.strictObject({
    surveyId: Id,
    theme: v.optional(
      v.strictObject({
        id: Id,
        name: requiredText(80, 'Theme name'),
        keys: v.pipe(v.array(TEXT_KEY), v.maxLength(2000, 'Too many answers in one theme')),
        ideaId: v.optional(Id),
      }),
    ),
    deleteThemeId: v.optional(Id),
  }),
  v.check((x) => (x.theme === undefined) !== (x.deleteThemeId === undefined), 'Send a theme to save or a theme id to delete'),
)

export interface ThemeOutcome {
  themes: SurveyTheme[]
}

export async function saveSurveyThemeCore(db: Firestore, caller: Caller, data: unknown): Promise<ThemeOutcome> {
  const inst = requireOrganiser(caller)
  const input = parseInput(ThemeInputSchema, data, 'a survey id and a theme')
  const survey = await loadSurvey(db, inst, input.surveyId)
  const themesRef = db.collection(`institutions/${inst}/surveys/${input.surveyId}/themes`)
  if (input.deleteThemeId) {
    await themesRef.doc(input.deleteThemeId).delete()
  } else if (input.theme) {
    const { responses } = await loadResponses(db, inst, survey)
    if (responses.length < MIN_RESPONSES)
      throw typedError('forbidden', `Themes can be tagged once at least ${MIN_RESPONSES} people have answered`)
    const known = new Set(listTexts(survey.questions, responses).entries.map((e) => e.key))
    const unknown = input.theme.keys.findIndex((k) => !known.has(k))
    if (unknown >= 0)
      throw typedError('invalid', 'One of the tagged answers is not an answer to this survey', { field: `theme.keys.${unknown}` })
    const { id, name, ideaId } = input.theme
    const keys = [...new Set(input.theme.keys)]
    const ref = themesRef.doc(id)
    await db.runTransaction(async (tx) => {
      const [existing, count] = await Promise.all([tx.get(ref), tx.get(themesRef.count())])
      if (!existing.exists && count.data().count >= MAX_THEMES)
        throw typedError('invalid', `A survey can have at most ${MAX_THEMES} themes`, { field: 'theme' })
      tx.set(ref, { name, keys, ...(ideaId ? { ideaId } : {}), updatedAt: FieldValue.serverTimestamp() })
    })
  }
  return { themes: await loadThemes(db, inst, input.surveyId) }
}
