import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { SurveyFields } from '@/domain/entities'
import { missingWelsh, surveyTextIn, questionIn } from '@/domain/rules/survey-language'
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

  it('every template starts with no Welsh missing, so it can open with Welsh required in either language', () => {
    for (const s of [workshopTemplate(ctx), workshopTemplate(ctx, ['recognition']), pulseTemplate(ctx), blankTemplate(ctx)]) {
      expect(missingWelsh(s)).toEqual([])
      expect(checkSurveyDraft({ ...s, welshRequired: true, status: 'open' }, { previousStatus: 'draft' }).ok).toBe(true)
    }
    const workshop = workshopTemplate(ctx, ['visibility', 'career'])
    expect(surveyTextIn(workshop, 'cy').title).toBe('Gweithdy llais y technegwyr: Gwelededd, Datblygu gyrfa')
    expect(workshop.sections.map((x) => x.titleCy)).toEqual(['Gwelededd', 'Datblygu gyrfa'])
    expect(questionIn(workshop.questions[1]!, 'cy').prompt).toBe('O ran y thema hon, pa gwestiynau y mae hyn yn eu codi?')
    const pulse = pulseTemplate(ctx)
    expect(surveyTextIn(pulse, 'cy').title).toBe('Arolwg pwls')
    // Options keep their English stable values; the Welsh labels go with them by position.
    expect(questionIn(pulse.questions[3]!, 'cy').options).toEqual([
      { value: 'Better', label: 'Yn well' },
      { value: 'About the same', label: 'Tua’r un fath' },
      { value: 'Worse', label: 'Yn waeth' },
    ])
  })

  it('plan feedback is in Welsh too, an action’s question in Welsh where the plan has its Welsh activity', () => {
    const s = planFeedbackTemplate(ctx, [
      { code: 'V1', activity: 'Case studies', activityCy: 'Astudiaethau achos', themes: ['visibility'], deleted: false },
      { code: 'S1', activity: 'Skills register', themes: ['sustainability'], deleted: false },
    ])
    expect(s.sections.map((x) => x.titleCy)).toEqual(['Gwelededd', 'Cynaliadwyedd', 'Unrhyw beth arall'])
    expect(questionIn(s.questions[0]!, 'cy').prompt).toBe('V1: Astudiaethau achos')
    expect(questionIn(s.questions[0]!, 'cy').options.map((o) => o.label)).toEqual([
      'Gwrthwynebu’n gryf',
      'Gwrthwynebu',
      'Niwtral',
      'Cefnogi',
      'Cefnogi’n gryf',
    ])
    // Only the action written in English alone lacks Welsh: the builder lists it for the organiser.
    expect(missingWelsh(s).map((m) => m.english)).toEqual(['S1: Skills register'])
  })
})
