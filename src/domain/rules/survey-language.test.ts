import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import type { Caller } from '../collections'
import { SurveySchema, type Survey } from '../entities'
import { mergeMutation, type ServerDoc } from '../merge'
import { missingWelsh, missingWelshByQuestion, questionIn, surveyTextIn, welshOpeningRefusal } from './survey-language'
import { parseProblem } from '../problems'

const lead: Caller = { uid: 'u-lead', institutionId: 'inst', role: 'lead' }
const meta = { id: 's1', updatedAt: 4_000, version: 2, deleted: false, lastMutationId: 'm-0' }

/** A survey as stored before bilingual surveys existed: no Welsh fields at all. */
const englishOnly: Omit<Survey, keyof typeof meta> = {
  title: 'Workshop safety',
  description: '',
  sections: [{ id: 'sec1', title: 'About you' }],
  questions: [
    { id: 'q1', type: 'single', prompt: 'Which site?', required: true, options: ['North', 'South'], sectionId: 'sec1' },
    {
      id: 'q2',
      type: 'likert',
      prompt: 'I feel safe',
      required: false,
      options: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    },
    { id: 'q3', type: 'short', prompt: 'Anything else?', help: 'Optional', required: false },
  ],
  audience: { facultyIds: [], roleFamilies: [] },
  anonymous: true,
  allowEdit: false,
  opensAt: '2025-01-01',
  closesAt: '2025-02-01',
  status: 'draft',
  createdByUid: 'u-lead',
}

const bilingual: Omit<Survey, keyof typeof meta> = {
  ...englishOnly,
  titleCy: 'Diogelwch y gweithdy',
  welshRequired: true,
  sections: [{ id: 'sec1', title: 'About you', titleCy: 'Amdanoch chi' }],
  questions: [
    { ...englishOnly.questions[0]!, promptCy: 'Pa safle?', optionsCy: ['Gogledd', 'De'] },
    { ...englishOnly.questions[1]!, promptCy: 'Rwy’n teimlo’n ddiogel' },
    { ...englishOnly.questions[2]!, promptCy: 'Unrhyw beth arall?', helpCy: 'Dewisol' },
  ],
}

describe('bilingual survey schema', () => {
  it('still accepts a survey with no Welsh fields (existing surveys stay valid)', () => {
    expect(v.safeParse(SurveySchema, { ...meta, ...englishOnly }).success).toBe(true)
  })

  it('accepts Welsh text beside each title, question, help text and option, and the Welsh-required setting', () => {
    const parsed = v.safeParse(SurveySchema, { ...meta, ...bilingual })
    expect(parsed.success).toBe(true)
    if (parsed.success) {
      expect(parsed.output.questions[0]).toMatchObject({ options: ['North', 'South'], optionsCy: ['Gogledd', 'De'] })
      expect(parsed.output.welshRequired).toBe(true)
    }
  })

  it('refuses an unknown field still (the question schema stays strict)', () => {
    const bad = { ...bilingual, questions: [{ ...bilingual.questions[0]!, promptFr: 'Quel site ?' }] }
    expect(v.safeParse(SurveySchema, { ...meta, ...bad }).success).toBe(false)
  })
})

describe('missing Welsh', () => {
  it('lists every missing piece, per question, and none for a fully bilingual survey', () => {
    const missing = missingWelsh(englishOnly)
    expect(missing.map((m) => m.field)).toEqual([
      'titleCy',
      'sections.0.titleCy',
      'questions.0.promptCy',
      'questions.0.optionsCy.0',
      'questions.0.optionsCy.1',
      'questions.1.promptCy',
      'questions.2.promptCy',
      'questions.2.helpCy',
    ])
    expect(missingWelshByQuestion(englishOnly)).toEqual(
      new Map([
        ['q1', 3],
        ['q2', 1],
        ['q3', 2],
      ]),
    )
    expect(missingWelsh(bilingual)).toEqual([])
  })

  it('counts a blank Welsh option as missing', () => {
    const q = { ...bilingual.questions[0]!, optionsCy: ['Gogledd', '  '] }
    expect(missingWelsh({ ...bilingual, questions: [q] }).map((m) => m.field)).toEqual(['questions.0.optionsCy.1'])
  })
})

describe('opening rule', () => {
  it('refuses opening a Welsh-required survey while Welsh is missing, listing what is missing', () => {
    const refusal = welshOpeningRefusal({ ...englishOnly, welshRequired: true, status: 'open' }, 'draft')
    expect(refusal?.code).toBe('welsh-missing')
    expect(parseProblem(refusal?.message)).toEqual({ code: 'welshMissing', params: { count: 8 } })
    expect(refusal?.missing).toContainEqual(expect.objectContaining({ kind: 'option', questionNumber: 1, english: 'North' }))
    expect(refusal?.missing).toHaveLength(8)
  })

  it('lets it open when Welsh is complete, when Welsh is not required, and does not re-check an open survey', () => {
    expect(welshOpeningRefusal({ ...bilingual, status: 'open' }, 'draft')).toBeNull()
    expect(welshOpeningRefusal({ ...englishOnly, status: 'open' }, 'draft')).toBeNull()
    expect(welshOpeningRefusal({ ...englishOnly, welshRequired: true, status: 'open' }, 'open')).toBeNull()
    expect(welshOpeningRefusal({ ...englishOnly, welshRequired: true, status: 'draft' }, undefined)).toBeNull()
  })

  it('is applied by the server’s merge: opening is refused, saving the draft and opening a complete survey are not', () => {
    const existing: ServerDoc = { ...meta, ...englishOnly, welshRequired: true }
    const mutation = (payload: Record<string, unknown>) => ({
      mutationId: 'm-00000001',
      collection: 'surveys' as const,
      docId: 's1',
      op: 'patch' as const,
      payload,
      clientTime: 10,
    })
    const stamp = { now: 5_000, mutationId: 'm-00000001' }
    expect(mergeMutation(lead, mutation({ status: 'open' }), existing, stamp)).toMatchObject({
      kind: 'rejected',
      field: 'titleCy',
    })
    expect(mergeMutation(lead, mutation({ title: 'Workshop safety 2025' }), existing, stamp)).toMatchObject({ kind: 'write' })
    const complete: ServerDoc = { ...meta, ...bilingual }
    expect(mergeMutation(lead, mutation({ status: 'open' }), complete, stamp)).toMatchObject({ kind: 'write' })
  })
})

describe('text in the respondent’s language', () => {
  it('shows Welsh where written, English otherwise, and keeps each option’s stable value', () => {
    const partial = { ...bilingual.questions[0]!, optionsCy: ['Gogledd', ''] }
    expect(questionIn(partial, 'cy')).toMatchObject({
      prompt: 'Pa safle?',
      options: [
        { value: 'North', label: 'Gogledd' },
        { value: 'South', label: 'South' },
      ],
    })
    expect(questionIn(partial, 'en').options.map((o) => o.label)).toEqual(['North', 'South'])
    expect(questionIn(bilingual.questions[1]!, 'cy').likert[0]).toBe('Anghytuno’n gryf')
    expect(surveyTextIn(bilingual, 'cy').title).toBe('Diogelwch y gweithdy')
    expect(surveyTextIn(englishOnly, 'cy').title).toBe('Workshop safety')
  })
})
