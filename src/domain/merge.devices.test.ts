/**
 * One person, two devices, lying clocks (issue 12): lists merge by element, a clock ahead cannot
 * freeze a field, an edit that loses comes back "overridden", and `_clock` records only kept keys.
 */
import { describe, expect, it } from 'vitest'
import type { Caller } from './collections'
import { mergeMutation, resultFor, type ServerDoc } from './merge'
import { applySetOps, diffSets } from './sets'
import type { Mutation } from './sync'

const tech: Caller = { uid: 'u-tech', institutionId: 'inst', role: 'technician' }
const lead: Caller = { uid: 'u-lead', institutionId: 'inst', role: 'lead' }
const phone = { id: 'dev-phone', name: 'Android phone' }
const laptop = { id: 'dev-laptop', name: 'Windows computer' }
const YEAR = 365 * 24 * 3600 * 1000
const cpd = { title: 'Cryo-EM course', startDate: '2026-01-05', hours: 6, type: 'formal', skillIds: ['cryo'], evidenceIds: [] }
const idea = { authorUid: 'u-tech', title: 'Lab open day', body: '', status: 'open', createdAt: 1 }

let seq = 0
function m(partial: Partial<Mutation>): Mutation {
  return {
    mutationId: `m-${String(++seq).padStart(8, '0')}`,
    collection: 'cpd',
    docId: 'cpd-1',
    op: 'patch',
    payload: {},
    clientTime: 1_000,
    ...partial,
  }
}

/** A tiny server: applies mutations in commit order at increasing server times. */
function server(first: Mutation, by: Caller = tech) {
  let now = 1_000_000
  let doc: ServerDoc | null = null
  const push = (mut: Mutation, caller: Caller = tech) => {
    now += 1_000
    const outcome = mergeMutation(caller, mut, doc, { now, mutationId: mut.mutationId })
    const result = resultFor(mut, outcome, doc)
    if (outcome.kind === 'write') doc = outcome.doc
    return result
  }
  push(first, by)
  return {
    push,
    get doc() {
      return doc!
    },
    get now() {
      return now
    },
  }
}

describe('lists are sets', () => {
  it('keeps both skills two devices add offline to the same CPD entry', () => {
    const s = server(m({ op: 'put', payload: cpd }))
    const base = s.doc.version
    const a = diffSets('cpd', cpd, { skillIds: ['cryo', 'pcr'] })
    const b = diffSets('cpd', cpd, { skillIds: ['cryo', 'confocal'] })
    expect(s.push(m({ payload: a.rest, sets: a.ops, baseVersion: base, device: phone })).status).toBe('applied')
    expect(s.push(m({ payload: b.rest, sets: b.ops, baseVersion: base, device: laptop })).status).toBe('applied')
    expect(s.doc.skillIds).toEqual(['cryo', 'pcr', 'confocal'])
  })

  it('a remove beats only the add it saw: a concurrent re-add survives, and the remover is told', () => {
    const s = server(m({ op: 'put', payload: cpd }))
    const seen = s.doc.version
    // The laptop removes and adds back "cryo" (a new add the phone has not seen).
    s.push(m({ sets: [{ path: ['skillIds'], remove: ['cryo'] }], baseVersion: seen, device: laptop }))
    s.push(m({ sets: [{ path: ['skillIds'], add: ['cryo'] }], baseVersion: seen + 1, device: laptop }))
    const late = s.push(m({ sets: [{ path: ['skillIds'], remove: ['cryo'] }], baseVersion: seen, device: phone }))
    expect(s.doc.skillIds).toEqual(['cryo'])
    expect(late).toMatchObject({
      status: 'overridden',
      code: 'overridden',
      fields: ['skillIds'],
      by: { uid: 'u-tech', samePerson: true, deviceName: 'Windows computer' },
    })
    // A remove that saw the add takes it out.
    s.push(m({ sets: [{ path: ['skillIds'], remove: ['cryo'] }], baseVersion: s.doc.version, device: phone }))
    expect(s.doc.skillIds).toEqual([])
  })

  it('a device removes its own pending add even before it has seen it come back', () => {
    const s = server(m({ op: 'put', payload: cpd }))
    const seen = s.doc.version
    s.push(m({ sets: [{ path: ['skillIds'], add: ['pcr'] }], baseVersion: seen, device: phone }))
    expect(s.push(m({ sets: [{ path: ['skillIds'], remove: ['pcr'] }], baseVersion: seen, device: phone })).status).toBe('applied')
    expect(s.doc.skillIds).toEqual(['cryo'])
  })

  it('merges nested lists: survey options added on two devices, and a question edited meanwhile', () => {
    const before = { questions: [{ id: 'q1', type: 'single', prompt: 'Which site?', required: true, options: ['North'] }] }
    const a = diffSets('surveys', before, { questions: [{ ...before.questions[0]!, options: ['North', 'South'] }] })
    const b = diffSets('surveys', before, {
      questions: [{ ...before.questions[0]!, prompt: 'Which site do you work at?', options: ['North', 'East'] }],
    })
    const fields: Record<string, unknown> = structuredClone(before)
    applySetOps('surveys', fields, a.ops)
    applySetOps('surveys', fields, b.ops)
    expect(fields.questions).toEqual([
      { id: 'q1', type: 'single', prompt: 'Which site do you work at?', required: true, options: ['North', 'South', 'East'] },
    ])
  })

  it('merges registration evidence links and plan owners by element', () => {
    const reg = { competences: { A1: { statement: 'x', cpdIds: ['c1'] } } }
    const a = diffSets('registrations', reg, { competences: { A1: { statement: 'x', cpdIds: ['c1', 'c2'] } } })
    const b = diffSets('registrations', reg, { competences: { A1: { statement: 'x', cpdIds: ['c1', 'c3'] } } })
    const fields: Record<string, unknown> = structuredClone(reg)
    applySetOps('registrations', fields, a.ops)
    applySetOps('registrations', fields, b.ops)
    expect(fields.competences).toEqual({ A1: { statement: 'x', cpdIds: ['c1', 'c2', 'c3'] } })
    const plan = { owners: { SG: 'Steering group' } }
    const p1 = diffSets('plans', plan, { owners: { SG: 'Steering group', HR: 'Human resources' } })
    const p2 = diffSets('plans', plan, { owners: { SG: 'Steering group', TC: 'Technical committee' } })
    const pf: Record<string, unknown> = structuredClone(plan)
    applySetOps('plans', pf, p1.ops)
    applySetOps('plans', pf, p2.ops)
    expect(pf.owners).toEqual({ SG: 'Steering group', HR: 'Human resources', TC: 'Technical committee' })
  })
})

describe('a lying clock cannot freeze a field', () => {
  it('a device a year ahead does not override a later real edit, and the lead’s correction applies', () => {
    const s = server(m({ collection: 'ideas', docId: 'idea-1', op: 'put', payload: idea }))
    const ahead = s.push(
      m({ collection: 'ideas', docId: 'idea-1', payload: { title: 'Typo tile' }, clientTime: s.now + YEAR, baseVersion: 1, device: phone }),
    )
    expect(ahead.status).toBe('applied')
    // The lead saw that version and corrects it with a correct clock.
    const fix = s.push(
      m({ collection: 'ideas', docId: 'idea-1', payload: { status: 'adopted' }, clientTime: s.now + 10, baseVersion: s.doc.version }),
      lead,
    )
    expect(fix.status).toBe('applied')
    const correction = s.push(
      m({
        collection: 'ideas',
        docId: 'idea-1',
        payload: { title: 'Typo title' },
        clientTime: s.now + 10,
        baseVersion: s.doc.version,
        device: laptop,
      }),
    )
    expect(correction.status).toBe('applied')
    expect(s.doc.title).toBe('Typo title')
  })

  it('a device a year behind still replaces what it had seen', () => {
    const s = server(m({ collection: 'ideas', docId: 'idea-1', op: 'put', payload: idea, clientTime: 2_000_000 }))
    const r = s.push(
      m({ collection: 'ideas', docId: 'idea-1', payload: { body: 'Details' }, clientTime: s.now - YEAR, baseVersion: s.doc.version }),
    )
    expect(r.status).toBe('applied')
    expect(s.doc.body).toBe('Details')
  })

  it('a device’s second offline edit of a field replaces its first, even if its clock stepped back between them', () => {
    const s = server(m({ collection: 'ideas', docId: 'idea-1', op: 'put', payload: idea }))
    const base = s.doc.version
    s.push(m({ collection: 'ideas', docId: 'idea-1', payload: { title: 'First' }, clientTime: 5_000, baseVersion: base, device: phone }))
    const second = s.push(
      m({ collection: 'ideas', docId: 'idea-1', payload: { title: 'Second' }, clientTime: 4_000, baseVersion: base, device: phone }),
    )
    expect(second.status).toBe('applied')
    expect(s.doc.title).toBe('Second')
  })

  it('an older concurrent edit comes back overridden (who and which device), never applied', () => {
    const s = server(m({ collection: 'ideas', docId: 'idea-1', op: 'put', payload: idea }))
    const base = s.doc.version
    s.push(
      m({ collection: 'ideas', docId: 'idea-1', payload: { title: 'Laptop title' }, clientTime: s.now, baseVersion: base, device: laptop }),
    )
    const phoneEdit = s.push(
      m({
        collection: 'ideas',
        docId: 'idea-1',
        payload: { title: 'Phone title', body: 'Phone body' },
        clientTime: s.now - 5_000,
        baseVersion: base,
        device: phone,
      }),
    )
    expect(phoneEdit).toMatchObject({ status: 'overridden', fields: ['title'], by: { deviceName: 'Windows computer', samePerson: true } })
    expect(s.doc).toMatchObject({ title: 'Laptop title', body: 'Phone body' })
  })
})

describe('the ledger tells the truth', () => {
  it('records in _clock only the keys the schema keeps', () => {
    const s = server(m({ op: 'put', payload: { ...cpd, bogus: 1, nested: { x: 1 } } }))
    expect(Object.keys(s.doc._clock ?? {})).not.toContain('bogus')
    expect(Object.keys(s.doc._clock ?? {})).not.toContain('nested')
    s.push(m({ payload: { junk: 'x', title: 'New' }, baseVersion: 1 }))
    expect(Object.keys(s.doc._clock ?? {})).not.toContain('junk')
    expect(s.doc._clock?.title).toBeTypeOf('number')
  })
})
