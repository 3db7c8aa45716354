import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { RegistrationSchema } from '@/domain/entities'
import { targetsByBody, upgradeSource, withCompetence, wordCount, isRegistered } from './registration-model'

describe('registration helpers', () => {
  it('groups targets by body, lowest level first', () => {
    expect(targetsByBody()).toEqual([
      { body: 'scienceCouncil', targets: ['RSciTech', 'RSci', 'CSci'] },
      { body: 'engineeringCouncil', targets: ['EngTech', 'IEng', 'CEng'] },
      { body: 'advanceHe', targets: ['AFHEA', 'FHEA'] },
    ])
  })

  it('reports words against the guide', () => {
    const area = { wordLimit: 600, minWords: 180 }
    expect(wordCount(0, area)).toEqual({ key: 'short', params: { words: 0, limit: 600, min: 180 } })
    expect(wordCount(200, area)).toEqual({ key: 'within', params: { words: 200, limit: 600 } })
    expect(wordCount(650, area)).toEqual({ key: 'over', params: { words: 650, limit: 600, over: 50 } })
  })

  it('finds the registration an upgrade reuses: the highest lower level of the same body', () => {
    const regs = [
      { id: 'a', target: 'RSciTech' as const },
      { id: 'b', target: 'EngTech' as const },
    ]
    expect(upgradeSource(regs, 'RSci')?.id).toBe('a')
    expect(upgradeSource(regs, 'CSci')?.id).toBe('a')
    expect(upgradeSource(regs, 'RSciTech')).toBeNull()
    expect(upgradeSource(regs, 'FHEA')).toBeNull()
  })

  it('changes one competence: statement, linking and unlinking CPD, without duplicates', () => {
    const start = { A: { statement: 'x', cpdIds: ['c1'] } }
    expect(withCompetence(start, 'A', { cpdId: 'c1', linked: true })).toEqual(start)
    expect(withCompetence(start, 'A', { cpdId: 'c2', linked: true }).A?.cpdIds).toEqual(['c1', 'c2'])
    expect(withCompetence(start, 'A', { cpdId: 'c1', linked: false }).A).toEqual({ statement: 'x', cpdIds: [] })
    expect(withCompetence(start, 'B', { statement: 'New' })).toEqual({ ...start, B: { statement: 'New', cpdIds: [] } })
  })

  it('attaches files to a competence and takes them off, keeping older competences without any valid', () => {
    const start = { A: { statement: 'x', cpdIds: ['c1'] } }
    const attached = withCompetence(start, 'A', { evidenceIds: ['e1', 'e2'], attached: true })
    expect(attached.A).toEqual({ statement: 'x', cpdIds: ['c1'], evidenceIds: ['e1', 'e2'] })
    expect(withCompetence(attached, 'A', { evidenceIds: ['e1'], attached: true }).A?.evidenceIds).toEqual(['e1', 'e2'])
    expect(withCompetence(attached, 'A', { evidenceIds: ['e1'], attached: false }).A?.evidenceIds).toEqual(['e2'])
    expect(withCompetence(attached, 'A', { statement: 'y' }).A).toEqual({ statement: 'y', cpdIds: ['c1'], evidenceIds: ['e1', 'e2'] })
    expect(withCompetence(start, 'A', { statement: 'y' }).A).toEqual({ statement: 'y', cpdIds: ['c1'] })
    const reg = { ...VALID_REG, competences: attached }
    expect(v.safeParse(RegistrationSchema, reg).success).toBe(true)
    expect(v.safeParse(RegistrationSchema, { ...VALID_REG, competences: start }).success).toBe(true)
  })

  it('knows an awarded registration by its outcome', () => {
    expect(isRegistered({ steps: { outcome: 'done' } })).toBe(true)
    expect(isRegistered({ steps: { outcome: 'doing' } })).toBe(false)
  })
})

const VALID_REG = {
  id: 'reg-1',
  updatedAt: 1,
  version: 1,
  deleted: false,
  lastMutationId: null,
  target: 'RSciTech',
  steps: {},
  competences: {},
  feeSupportRequested: false,
}
