import { describe, expect, it } from 'vitest'
import { MAX_PAYLOAD_BYTES } from '@/domain/sync'
import { checkMutation, looseDocId, looseMutationId } from './validate'

const good = { mutationId: 'mut-00000001', collection: 'cpd', docId: 'doc-1', op: 'put', payload: { title: 'x' }, clientTime: 1 }

describe('checkMutation', () => {
  it('accepts a well-formed mutation', () => {
    expect(checkMutation(good)).toEqual({ ok: true, value: good })
  })

  it.each([
    ['a short mutation id', { mutationId: 'short' }, 'mutationId'],
    ['an unknown collection', { collection: 'secrets' }, 'collection'],
    ['a path in the doc id', { docId: 'a/b' }, 'docId'],
    ['a negative client time', { clientTime: -1 }, 'clientTime'],
    ['a fractional client time', { clientTime: 1.5 }, 'clientTime'],
    ['an unknown op', { op: 'merge' }, 'op'],
    ['a payload that is not an object', { payload: 'x' }, 'payload'],
  ])('rejects %s on its field', (_name, patch, field) => {
    const out = checkMutation({ ...good, ...patch })
    expect(out).toMatchObject({ ok: false, rejection: { code: 'invalid', field } })
  })

  it('rejects extra keys (strict envelope)', () => {
    expect(checkMutation({ ...good, uid: 'someone-else' })).toMatchObject({ ok: false, rejection: { code: 'invalid' } })
  })

  it.each(['__reserved__', '..', '.'])('rejects the id %s that Firestore cannot store', (docId) => {
    expect(checkMutation({ ...good, docId })).toMatchObject({ ok: false, rejection: { code: 'invalid', field: 'docId' } })
  })

  it('rejects a payload over the size limit before parsing it', () => {
    const out = checkMutation({ ...good, payload: { learned: 'x'.repeat(MAX_PAYLOAD_BYTES) } })
    expect(out).toMatchObject({ ok: false, rejection: { code: 'too-large', field: 'payload' } })
  })

  it('echoes what it can of a broken mutation', () => {
    expect(looseMutationId({ mutationId: 'abc' })).toBe('abc')
    expect(looseDocId({ docId: 42 })).toBe('')
    expect(looseMutationId(null)).toBe('')
  })
})
