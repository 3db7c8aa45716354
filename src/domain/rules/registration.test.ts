import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { REGISTRATION_STEPS, REGISTRATION_TARGETS, RegistrationSchema } from '../entities'
import { countWords, newRegistration, PATHWAYS, readiness, upgradeFrom, upgradeTargets } from './registration'
import { meta, registration } from '../../../tests/support/rule-fixtures'

const words = (n: number) => Array.from({ length: n }, (_, k) => `word${k}`).join(' ')

describe('PATHWAYS', () => {
  it('defines every target with its steps and competence areas', () => {
    for (const target of REGISTRATION_TARGETS) {
      const p = PATHWAYS[target]
      expect(p.target).toBe(target)
      expect(p.steps.map((s) => s.id)).toEqual([...REGISTRATION_STEPS])
      expect(p.competences.length).toBeGreaterThanOrEqual(3)
      for (const c of p.competences) expect(c.minWords).toBeLessThan(c.wordLimit)
    }
    expect(PATHWAYS.RSci.competences.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(PATHWAYS.CEng.competences.map((c) => c.id)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(PATHWAYS.FHEA.competences.map((c) => [c.id, c.code])).toEqual([
      ['activity', 'A'],
      ['knowledge', 'K'],
      ['values', 'V'],
    ])
    expect(PATHWAYS.IEng.steps.find((s) => s.id === 'assessment')?.label).toBe('interview')
    expect(PATHWAYS.FHEA.steps.find((s) => s.id === 'mentor')?.label).toBe('mentorReferees')
    expect(PATHWAYS.RSci.steps.find((s) => s.id === 'mentor')?.label).toBe('mentor')
  })
  it('gives higher levels more room', () => {
    expect(PATHWAYS.RSci.competences[0]?.wordLimit).toBeGreaterThan(PATHWAYS.RSciTech.competences[0]?.wordLimit ?? 0)
    expect(PATHWAYS.FHEA.competences[0]?.wordLimit).toBeGreaterThan(PATHWAYS.AFHEA.competences[0]?.wordLimit ?? 0)
  })
})

describe('countWords', () => {
  it('counts words, not dashes or spacing', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('  I ran the autoclave – safely.\n\nTwice ')).toBe(6)
    expect(countWords('The lab’s PCR-based assay')).toBe(4)
  })
})

describe('readiness', () => {
  it('is 0% with everything missing, listed as codes with their facts', () => {
    const r = readiness(newRegistration('RSciTech'))
    const [a, , c] = PATHWAYS.RSciTech.competences
    expect(r.percent).toBe(0)
    expect(r.readyToSubmit).toBe(false)
    expect(r.missing).toContainEqual({ code: 'statementEmpty', area: a, min: 150 })
    expect(r.missing).toContainEqual({ code: 'noCpd', area: c })
    expect(r.missing).toContainEqual({ code: 'step', step: { id: 'mentor', label: 'mentor' } })
    expect(r.missing).toHaveLength(5 * 2 + 4)
  })

  it('is 100% and ready when every area has enough words and evidence and the steps are done', () => {
    const competences = Object.fromEntries(PATHWAYS.RSciTech.competences.map((c) => [c.id, { statement: words(300), cpdIds: ['cpd-1'] }]))
    const steps = { eligibility: 'done', mentor: 'done', evidence: 'done', report: 'done' } as const
    const r = readiness({ target: 'RSciTech', competences, steps })
    expect(r).toMatchObject({ percent: 100, readyToSubmit: true, missing: [], stepsDone: 4, stepsTotal: 4 })
  })

  it('scores short, over-long and unevidenced statements in between', () => {
    const r = readiness({
      target: 'RSciTech',
      steps: { eligibility: 'done', mentor: 'doing' },
      competences: {
        A: { statement: words(75), cpdIds: ['c1', 'c1'] },
        B: { statement: words(520), cpdIds: [] },
      },
    })
    const [a, b] = r.competences
    expect(a).toMatchObject({ words: 75, statement: 'short', cpdCount: 1, score: 0.75 })
    expect(b).toMatchObject({ words: 520, statement: 'over', cpdCount: 0, score: 0.25 })
    expect(r.missing).toContainEqual({ code: 'statementShort', area: PATHWAYS.RSciTech.competences[0], min: 150, words: 75 })
    expect(r.missing).toContainEqual({ code: 'statementOver', area: PATHWAYS.RSciTech.competences[1], over: 20, limit: 500 })
    expect(r.stepsDone).toBe(1)
    expect(r.percent).toBe(Math.round((100 * (0.75 + 0.25 + 1 + 0.5)) / 9))
  })
})

describe('newRegistration and upgradeFrom', () => {
  it('starts a valid registration document', () => {
    const draft = newRegistration('CEng')
    expect(Object.keys(draft.competences)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(v.safeParse(RegistrationSchema, { ...meta('r1'), ...draft }).success).toBe(true)
  })

  it('reuses RSciTech statements and evidence for RSci', () => {
    const old = registration('reg-1', {
      target: 'RSciTech',
      steps: { eligibility: 'done', outcome: 'done' },
      competences: { A: { statement: 'I validated a new assay.', cpdIds: ['c1'] }, C: { statement: 'I trained students.', cpdIds: [] } },
    })
    const r = upgradeFrom(old, 'RSci')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.registration.target).toBe('RSci')
    expect(r.registration.basedOn).toBe('reg-1')
    expect(r.registration.competences.A).toEqual({ statement: 'I validated a new assay.', cpdIds: ['c1'] })
    expect(r.registration.competences.B).toEqual({ statement: '', cpdIds: [] })
    expect(r.registration.steps.eligibility).toBe('todo')
    expect(r.registration.competences.A?.cpdIds).not.toBe(old.competences.A?.cpdIds)
    expect(v.safeParse(RegistrationSchema, { ...meta('reg-2'), ...r.registration }).success).toBe(true)
  })

  it('refuses a step down or a change of body', () => {
    expect(upgradeFrom(registration('r', { target: 'RSci' }), 'RSciTech')).toMatchObject({ ok: false, code: 'not-an-upgrade' })
    expect(upgradeFrom(registration('r', { target: 'RSciTech' }), 'EngTech')).toMatchObject({ ok: false })
    expect(upgradeFrom(registration('r', { target: 'RSci' }), 'RSci')).toMatchObject({ ok: false })
  })

  it('lists the levels above', () => {
    expect(upgradeTargets('RSciTech')).toEqual(['RSci', 'CSci'])
    expect(upgradeTargets('AFHEA')).toEqual(['FHEA'])
    expect(upgradeTargets('CEng')).toEqual([])
  })
})
