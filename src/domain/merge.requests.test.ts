/** The skill-share state machine as the server's merge enforces it (src/domain/merge.ts requestStateRule). */
import { describe, expect, it } from 'vitest'
import type { Caller } from './collections'
import { mergeMutation, requestStateRule, type ServerDoc } from './merge'
import type { Mutation } from './sync'
import { wordsIn } from '../../tests/support/errors'

// Refusals are problems (codes); these tests read them in the English a person sees.
const en = await wordsIn('en')
const worded = <T extends object>(o: T) => ('message' in o ? { ...o, message: en(o.message as string) } : o)

const caller = (uid: string): Caller => ({ uid, institutionId: 'inst', role: 'technician' })
const learner = caller('u-learner')
const teacher = caller('u-teacher')
const stranger = caller('u-other')
const stamp = { now: 5_000, mutationId: 'm-00000002' }
const request = {
  learnerUid: 'u-learner',
  teacherUid: 'u-teacher',
  skillId: 'pcr',
  skillName: 'PCR',
  message: 'Please',
  format: 'demo',
  state: 'pending',
  history: { pending: 1 },
}
const existing = (state: string, history: Record<string, number> = { pending: 1 }): ServerDoc => ({
  id: 'r1',
  updatedAt: 4_000,
  version: 1,
  deleted: false,
  lastMutationId: 'm-1',
  ...request,
  state,
  history,
})
const move = (state: string, history: Record<string, number>): Mutation => ({
  mutationId: 'm-00000002',
  collection: 'requests',
  docId: 'r1',
  op: 'patch',
  payload: { state, history },
  clientTime: 10,
})

describe('skill-share requests on the server', () => {
  it('lets the teacher accept or decline, and either side complete or cancel', () => {
    expect(mergeMutation(teacher, move('accepted', { pending: 1, accepted: 2 }), existing('pending'), stamp)).toMatchObject({
      kind: 'write',
      doc: { state: 'accepted' },
    })
    expect(mergeMutation(teacher, move('declined', { pending: 1, declined: 2 }), existing('pending'), stamp)).toMatchObject({
      kind: 'write',
    })
    expect(mergeMutation(learner, move('cancelled', { pending: 1, cancelled: 2 }), existing('pending'), stamp)).toMatchObject({
      kind: 'write',
    })
    expect(
      mergeMutation(
        learner,
        move('completed', { pending: 1, accepted: 2, completed: 3 }),
        existing('accepted', { pending: 1, accepted: 2 }),
        stamp,
      ),
    ).toMatchObject({ kind: 'write' })
  })

  it('refuses moves out of turn or out of order', () => {
    expect(worded(mergeMutation(learner, move('accepted', { pending: 1, accepted: 2 }), existing('pending'), stamp))).toMatchObject({
      kind: 'rejected',
      code: 'forbidden',
      field: 'state',
      message: 'Only the colleague asked to teach can do this',
    })
    expect(worded(mergeMutation(teacher, move('completed', { pending: 1, completed: 2 }), existing('pending'), stamp))).toMatchObject({
      kind: 'rejected',
      message: 'This request cannot move to that state now',
    })
    expect(worded(mergeMutation(teacher, move('accepted', { accepted: 2 }), existing('declined'), stamp))).toMatchObject({
      kind: 'rejected',
      message: 'This request cannot move to that state now',
    })
    expect(mergeMutation(stranger, move('cancelled', {}), existing('pending'), stamp)).toMatchObject({
      kind: 'rejected',
      code: 'forbidden',
    })
  })

  it('lets either side edit other fields without a state change', () => {
    const m: Mutation = { ...move('pending', { pending: 1 }), payload: { message: 'Any Tuesday?' } }
    expect(mergeMutation(learner, m, existing('pending'), stamp)).toMatchObject({
      kind: 'write',
      doc: { message: 'Any Tuesday?', state: 'pending' },
    })
  })

  it('creates only a pending request for someone else', () => {
    const create = (payload: Record<string, unknown>): Mutation => ({
      mutationId: 'm-00000003',
      collection: 'requests',
      docId: 'r2',
      op: 'put',
      payload,
      clientTime: 10,
    })
    expect(mergeMutation(learner, create(request), null, stamp)).toMatchObject({ kind: 'write' })
    expect(worded(mergeMutation(learner, create({ ...request, teacherUid: 'u-learner' }), null, stamp))).toMatchObject({
      kind: 'rejected',
      message: 'You cannot ask yourself to teach a skill',
    })
    expect(mergeMutation(learner, create({ ...request, state: 'accepted' }), null, stamp)).toMatchObject({
      kind: 'rejected',
      code: 'forbidden',
    })
  })

  it('an older concurrent move loses field by field, so the machine is checked on what would be stored', () => {
    // The teacher accepted (clock 20); the learner's earlier cancel (clock 10) arrives later: state stays accepted.
    const accepted: ServerDoc = { ...existing('accepted', { pending: 1, accepted: 20 }), _clock: { state: 20, history: 20 } }
    expect(mergeMutation(learner, move('cancelled', { pending: 1, cancelled: 10 }), accepted, stamp)).toMatchObject({
      kind: 'write',
      doc: { state: 'accepted' },
    })
  })

  it('rejects unknown states rather than throwing', () => {
    expect(worded(requestStateRule(learner, { ...request, state: 'cancelled' }, existing('weird'))!)).toEqual({
      message: 'This value is not valid',
      field: 'state',
    })
  })

  describe('confirming a completed session', () => {
    const done = existing('completed', { pending: 1, accepted: 2, completed: 3 })
    const confirm = (payload: Record<string, unknown>): Mutation => ({ ...move('completed', {}), payload })

    it('lets the teacher set their confirmation and the learner theirs', () => {
      expect(mergeMutation(teacher, confirm({ teacherConfirmedAt: 7 }), done, stamp)).toMatchObject({
        kind: 'write',
        doc: { teacherConfirmedAt: 7, state: 'completed' },
      })
      expect(mergeMutation(learner, confirm({ learnerConfirmedAt: 8 }), done, stamp)).toMatchObject({
        kind: 'write',
        doc: { learnerConfirmedAt: 8 },
      })
    })

    it("refuses either party forging the other's confirmation, or a stranger setting any", () => {
      expect(worded(mergeMutation(learner, confirm({ teacherConfirmedAt: 7 }), done, stamp))).toMatchObject({
        kind: 'rejected',
        code: 'forbidden',
        field: 'teacherConfirmedAt',
        message: 'Only the colleague asked to teach can do this',
      })
      expect(worded(mergeMutation(teacher, confirm({ learnerConfirmedAt: 7 }), done, stamp))).toMatchObject({
        kind: 'rejected',
        field: 'learnerConfirmedAt',
        message: 'Only the person who asked can change this',
      })
      // Nor can the learner take the teacher's confirmation away.
      const confirmed: ServerDoc = { ...done, teacherConfirmedAt: 7 }
      expect(
        mergeMutation(learner, { ...confirm({}), op: 'put', payload: { ...request, state: 'completed' } }, confirmed, stamp),
      ).toMatchObject({
        kind: 'rejected',
        field: 'teacherConfirmedAt',
      })
      expect(mergeMutation(stranger, confirm({ teacherConfirmedAt: 7 }), done, stamp)).toMatchObject({ kind: 'rejected' })
    })

    it('refuses a confirmation before the session is completed, or on a new request', () => {
      expect(
        mergeMutation(teacher, confirm({ teacherConfirmedAt: 7 }), existing('accepted', { pending: 1, accepted: 2 }), stamp),
      ).toMatchObject({
        kind: 'rejected',
        field: 'teacherConfirmedAt',
      })
      const create: Mutation = { ...confirm({ ...request, learnerConfirmedAt: 7 }), op: 'put', docId: 'r3' }
      expect(mergeMutation(learner, create, null, stamp)).toMatchObject({ kind: 'rejected', field: 'learnerConfirmedAt' })
    })
  })
})
