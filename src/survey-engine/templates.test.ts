import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { SurveyFields } from '@/domain/entities'
import { checkSurveyDraft } from '@/features/survey-builder/builder'
import { blankTemplate, planFeedbackTemplate, pulseTemplate, workshopTemplate } from './templates'

let n = 0
const ctx = { today: '2026-11-23', createdByUid: 'lead-1', newId: () => `id-${n++}` }
const valid = (draft: unknown) => expect(v.safeParse(v.object(SurveyFields), draft).success).toBe(true)

describe('survey templates', () => {
  it('workshop: one section per theme with the four Leicester questions, anonymous, four weeks', () => {
    const s = workshopTemplate(ctx, ['visibility', 'career'])
    valid(s)
    expect(checkSurveyDraft(s).ok).toBe(true)
    expect(s.sections.map((x) => x.title)).toEqual(['Visibility', 'Career development'])
    const first = s.questions.filter((q) => q.sectionId === s.sections[0]!.id)
    expect(first.map((q) => q.type)).toEqual(['likert', 'long', 'long', 'long'])
    expect(first[0]!.prompt).toMatch(/known and valued/)
    expect(first.slice(1).map((q) => q.prompt)).toEqual([
      'In relation to this theme, what questions does this raise?',
      'What are the barriers or issues that would get in the way of this happening?',
      'What would good look like if we did this well?',
    ])
    expect(s).toMatchObject({
      anonymous: true,
      allowEdit: false,
      status: 'draft',
      opensAt: '2026-11-23',
      closesAt: '2026-12-21',
      createdByUid: 'lead-1',
    })
    expect(workshopTemplate(ctx).sections).toHaveLength(4)
  })

  it('pulse and blank templates are valid surveys', () => {
    for (const s of [pulseTemplate(ctx), blankTemplate(ctx)]) {
      valid(s)
      expect(checkSurveyDraft(s).ok).toBe(true)
    }
  })

  it('plan feedback: one question per live action, grouped by theme in V, R, CD, S order', () => {
    const actions = [
      { code: 'S1', activity: 'Skills register', themes: ['sustainability' as const], deleted: false },
      { code: 'V2', activity: 'Case studies', themes: ['visibility' as const], deleted: false },
      { code: 'V10', activity: 'x'.repeat(2000), themes: ['visibility' as const, 'career' as const], deleted: false },
      { code: 'R1', activity: 'Gone', themes: ['recognition' as const], deleted: true },
    ]
    const s = planFeedbackTemplate(ctx, actions)
    valid(s)
    expect(checkSurveyDraft(s).ok).toBe(true)
    expect(s.sections.map((x) => x.title)).toEqual(['Visibility', 'Sustainability', 'Anything else'])
    expect(s.questions.filter((q) => q.type === 'likert').map((q) => q.prompt.split(':')[0])).toEqual(['V2', 'V10', 'S1'])
    expect(s.questions.every((q) => q.prompt.length <= 500)).toBe(true)
  })
})
