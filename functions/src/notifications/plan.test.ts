import { describe, expect, it } from 'vitest'
import type { Caller } from '@/domain/collections'
import { intentsFor, type Change } from './plan'

const lead: Caller = { uid: 'lead', institutionId: 'i', role: 'lead' }
const learner: Caller = { uid: 'ann', institutionId: 'i', role: 'technician' }
const teacher: Caller = { uid: 'tom', institutionId: 'i', role: 'technician' }
const req = { learnerUid: 'ann', teacherUid: 'tom', skillName: 'HPLC', state: 'pending' }
const change = (collection: Change['collection'], before: Record<string, unknown> | null, after: Record<string, unknown>): Change => ({
  collection,
  docId: 'd1',
  mutationId: 'm1',
  before,
  after,
})
const who = (xs: { uid: string; kind: string }[]) => xs.map((x) => `${x.kind}→${x.uid}`)

describe('which notifications a change causes', () => {
  it('tells the teacher of a new request, the learner of an answer, the other party of completion', () => {
    expect(intentsFor(learner, change('requests', null, req), { actorName: 'Ann' })).toEqual([
      { uid: 'tom', id: 'request.received-d1', kind: 'request.received', params: { skill: 'HPLC', name: 'Ann' }, link: '/requests' },
    ])
    expect(who(intentsFor(teacher, change('requests', req, { ...req, state: 'accepted' }), { actorName: 'Tom' }))).toEqual([
      'request.accepted→ann',
    ])
    expect(who(intentsFor(teacher, change('requests', req, { ...req, state: 'declined' }), { actorName: 'Tom' }))).toEqual([
      'request.declined→ann',
    ])
    const accepted = { ...req, state: 'accepted' }
    expect(who(intentsFor(learner, change('requests', accepted, { ...req, state: 'completed' }), { actorName: 'Ann' }))).toEqual([
      'request.completed→tom',
    ])
    expect(who(intentsFor(teacher, change('requests', accepted, { ...req, state: 'completed' }), { actorName: 'Tom' }))).toEqual([
      'request.completed→ann',
    ])
    // A message edit or a cancellation tells nobody.
    expect(intentsFor(learner, change('requests', req, { ...req, message: 'x' }), { actorName: 'Ann' })).toEqual([])
    expect(intentsFor(learner, change('requests', req, { ...req, state: 'cancelled' }), { actorName: 'Ann' })).toEqual([])
  })

  it("tells an idea's author of a lead's response, not of their own edits", () => {
    const idea = { authorUid: 'ann', title: 'More bench space', status: 'open' }
    expect(intentsFor(lead, change('ideas', idea, { ...idea, status: 'adopted', response: 'Done' }), { actorName: 'L' })).toMatchObject([
      { uid: 'ann', kind: 'idea.responded', params: { title: 'More bench space', status: 'adopted' }, link: '/ideas' },
    ])
    expect(intentsFor(learner, change('ideas', idea, { ...idea, title: 'Even more' }), { actorName: 'Ann' })).toEqual([])
    expect(intentsFor(lead, change('ideas', null, idea), { actorName: 'L' })).toEqual([])
  })

  it('tells earlier commenters in the thread of a reply, once each, never its author', () => {
    const comment = { authorUid: 'ann', authorName: 'Ann', targetType: 'action', targetId: 'a1', body: 'Yes' }
    const out = intentsFor(learner, change('comments', null, comment), { actorName: 'Ann', threadAuthors: ['tom', 'ann', 'tom', 'lead'] })
    expect(who(out)).toEqual(['comment.reply→tom', 'comment.reply→lead'])
    expect(out[0]).toMatchObject({ link: '/plan/a1', params: { name: 'Ann', targetType: 'action' } })
  })

  it("tells an action's owner of a RAG change unless they made it", () => {
    const rag = { actionId: 'a1', status: 'red', rationale: 'Late', byUid: 'lead' }
    expect(intentsFor(lead, change('ragChanges', null, rag), { actorName: 'L', action: { code: 'V1', ownerUid: 'ann' } })).toMatchObject([
      { uid: 'ann', kind: 'action.rag', params: { code: 'V1', status: 'red' }, link: '/plan/a1' },
    ])
    expect(intentsFor(lead, change('ragChanges', null, rag), { actorName: 'L', action: { code: 'V1', ownerUid: 'lead' } })).toEqual([])
    expect(intentsFor(lead, change('ragChanges', null, rag), { actorName: 'L', action: { code: 'V1' } })).toEqual([])
  })

  it('marks registration steps newly done and a met CPD allowance as milestones of their own, told once', () => {
    const reg = { target: 'RSciTech', steps: { eligibility: 'done', mentor: 'doing' } }
    const out = intentsFor(
      learner,
      change('registrations', reg, { ...reg, steps: { eligibility: 'done', mentor: 'done', outcome: 'done' } }),
      {
        actorName: 'Ann',
      },
    )
    expect(out.map((i) => [i.uid, i.params.step, i.once, i.link])).toEqual([
      ['ann', 'mentor', true, '/registration/d1'],
      ['ann', 'outcome', true, '/registration/d1'],
    ])
    expect(
      intentsFor(learner, change('cpd', null, { hours: 80 }), { actorName: 'Ann', cpdAllowanceMet: { days: 10, year: '2026-01-01' } }),
    ).toMatchObject([{ uid: 'ann', id: 'cpd.milestone-2026-01-01', params: { days: 10, year: '2026-01-01' }, once: true }])
    expect(intentsFor(learner, change('cpd', null, { hours: 1 }), { actorName: 'Ann', cpdAllowanceMet: null })).toEqual([])
  })

  it('says nothing of deletes', () => {
    expect(intentsFor(learner, change('requests', req, { id: 'd1', deleted: true }), { actorName: 'Ann' })).toEqual([])
  })
})
