/**
 * surveyTexts: the free-text answers of a survey for its organisers, with the themes leads have
 * tagged them with. Withheld under 5 respondents, and per question under 5 answers, like the
 * figures. Identical answers are listed once with a count; the list is sorted by text, so its
 * order carries nothing of who answered or when.
 */
import * as v from 'valibot'
import type { Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { Id, text } from '@/domain/common'
import type { Question } from '@/domain/entities'
import { searchTexts } from '@/survey-engine/text-search'
import type { SurveyTexts, SurveyTheme, TextEntry } from '@/survey-engine/types'
import { MIN_RESPONSES, type ResponseLike } from './answers'
import { loadResponses, loadSurvey, parseInput, requireOrganiser, textKey } from './access'

export const TextsInputSchema = v.strictObject({
  surveyId: Id,
  /** Words to search for (all must appear; case and accents ignored). */
  q: v.optional(text(200, 'Search')),
  questionId: v.optional(Id),
  themeId: v.optional(Id),
})

/** The text questions and their distinct answers; questions under `min` answers give none. */
export function listTexts(
  questions: readonly Question[],
  responses: readonly ResponseLike[],
  min = MIN_RESPONSES,
): Pick<SurveyTexts, 'questions' | 'entries'> {
  const textQuestions = questions.filter((q) => q.type === 'short' || q.type === 'long')
  const out: Pick<SurveyTexts, 'questions' | 'entries'> = { questions: [], entries: [] }
  for (const q of textQuestions) {
    const counts = new Map<string, number>()
    let answered = 0
    for (const r of responses) {
      for (const a of r.answers) {
        if (a.questionId !== q.id || typeof a.value !== 'string') continue
        answered++
        counts.set(a.value, (counts.get(a.value) ?? 0) + 1)
      }
    }
    const withheld = answered < min
    // A withheld question's count is not given either ("fewer than 5"): it would tell a lead who skipped it.
    out.questions.push({ questionId: q.id, prompt: q.prompt, answered: withheld ? null : answered, withheld })
    if (withheld) continue
    const entries: TextEntry[] = [...counts].map(([t, count]) => ({ key: textKey(q.id, t), questionId: q.id, text: t, count }))
    out.entries.push(...entries.sort((a, b) => a.text.localeCompare(b.text)))
  }
  return out
}

export async function loadThemes(db: Firestore, inst: string, surveyId: string): Promise<SurveyTheme[]> {
  const snap = await db.collection(`institutions/${inst}/surveys/${surveyId}/themes`).get()
  return snap.docs
    .map((d) => {
      const data = d.data()
      const theme: SurveyTheme = {
        id: d.id,
        name: String(data.name ?? ''),
        keys: Array.isArray(data.keys) ? data.keys.filter((k): k is string => typeof k === 'string') : [],
      }
      if (typeof data.ideaId === 'string') theme.ideaId = data.ideaId
      return theme
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

export async function surveyTextsCore(db: Firestore, caller: Caller, data: unknown): Promise<SurveyTexts> {
  const inst = requireOrganiser(caller)
  const { surveyId, q, questionId, themeId } = parseInput(TextsInputSchema, data, 'a survey id')
  const survey = await loadSurvey(db, inst, surveyId)
  const [{ responses }, themes] = await Promise.all([loadResponses(db, inst, survey), loadThemes(db, inst, surveyId)])
  const withheld = responses.length < MIN_RESPONSES
  const listed = listTexts(survey.questions, withheld ? [] : responses)
  let entries = listed.entries
  if (questionId) entries = entries.filter((e) => e.questionId === questionId)
  if (themeId) {
    const keys = new Set(themes.find((t) => t.id === themeId)?.keys ?? [])
    entries = entries.filter((e) => keys.has(e.key))
  }
  if (q) entries = searchTexts(entries, q)
  return {
    surveyId,
    responseCount: responses.length,
    minResponses: MIN_RESPONSES,
    withheld,
    questions: withheld ? listed.questions.map((x) => ({ ...x, answered: null, withheld: true })) : listed.questions,
    entries,
    themes: withheld ? [] : themes,
  }
}
