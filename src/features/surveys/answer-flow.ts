/**
 * The answering flow on a phone: which screens to show (one question per screen, or one section
 * per screen), progress, and what is missing on a screen before moving on. Show-if logic applies
 * live: a question appears as soon as the earlier answer it depends on is given. Pure.
 */
import type { Question, Survey } from '@/domain/entities'
import { checkOne, isAnswered, orderQuestions, visibleQuestions, type AnswerMap } from '@/survey-engine/rules'
import { errorsFor } from '@/ui/field-errors'

export type FlowMode = 'question' | 'section'

export interface Screen {
  key: string
  /** Section title, when the survey has sections. */
  title?: string
  questions: Question[]
}

/** Sections per screen where the survey has sections; otherwise one question at a time. */
export function defaultMode(survey: Pick<Survey, 'sections'>): FlowMode {
  return survey.sections.length > 0 ? 'section' : 'question'
}

/** The screens for the answers so far. */
export function buildScreens(survey: Pick<Survey, 'sections' | 'questions'>, answers: AnswerMap, mode: FlowMode): Screen[] {
  const shown = visibleQuestions(orderQuestions(survey), answers)
  const titles = new Map(survey.sections.map((s) => [s.id, s.title]))
  const titleOf = (q: Question) => (q.sectionId ? titles.get(q.sectionId) : undefined)
  if (mode === 'question') return shown.map((q) => ({ key: q.id, title: titleOf(q), questions: [q] }))
  const screens: Screen[] = []
  for (const q of shown) {
    const key = q.sectionId && titles.has(q.sectionId) ? q.sectionId : 'general'
    const last = screens[screens.length - 1]
    if (last?.key === key) last.questions.push(q)
    else screens.push({ key, title: titleOf(q), questions: [q] })
  }
  return screens
}

/** Question id → what to fix, in words (the answer rules give problems), for the questions of one screen. */
export function screenErrors(
  screen: Screen,
  answers: AnswerMap,
  requiredMessage?: string,
  words: (problem: string) => string = errorsFor().problemText,
): Record<string, string> {
  const errors: Record<string, string> = {}
  requiredMessage ??= words('answerRequired')
  for (const q of screen.questions) {
    const checked = checkOne(q, answers[q.id])
    if ('error' in checked) errors[q.id] = words(checked.error)
    else if (checked.value === null && q.required) errors[q.id] = requiredMessage
  }
  return errors
}

/** "3 of 8" and how much of the visible survey is answered. */
export function progressOf(
  screens: readonly Screen[],
  index: number,
  answers: AnswerMap,
): { current: number; total: number; answered: number; questions: number } {
  const questions = screens.flatMap((s) => s.questions)
  return {
    current: Math.min(index + 1, screens.length),
    total: screens.length,
    answered: questions.filter((q) => isAnswered(q, answers[q.id])).length,
    questions: questions.length,
  }
}

/** Only the answers to questions still shown (a changed answer can hide a follow-up). */
export function answersToSend(survey: Pick<Survey, 'sections' | 'questions'>, answers: AnswerMap): AnswerMap {
  const shown = visibleQuestions(orderQuestions(survey), answers)
  const out: AnswerMap = {}
  for (const q of shown) if (isAnswered(q, answers[q.id])) out[q.id] = answers[q.id]!
  return out
}
