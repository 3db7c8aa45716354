import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deepEqual, isStorableId, jsonBytes, unstorablePath } from './doc'

describe('deepEqual', () => {
  it('ignores key order and undefined values', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true)
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false)
    expect(deepEqual([1, 2], [2, 1])).toBe(false)
    expect(deepEqual(null, undefined)).toBe(false)
  })

  it('agrees with JSON equality of canonical values', () => {
    fc.assert(fc.property(fc.jsonValue(), (x) => deepEqual(x, structuredClone(x))))
  })
})

describe('what Firestore can store', () => {
  it('finds reserved and empty keys, arrays in arrays, and non-finite numbers', () => {
    expect(unstorablePath({ a: { '': 1 } })).toBe('a.')
    expect(unstorablePath({ phases: { __x__: 'y' } })).toBe('phases.__x__')
    expect(unstorablePath({ m: [[1]] })).toBe('m.0')
    expect(unstorablePath({ n: Number.POSITIVE_INFINITY })).toBe('n')
    expect(unstorablePath({ ok: [{ x: [1, 2] }], s: 'text', b: true, z: null })).toBeNull()
  })

  it('finds values nested deeper than Firestore allows', () => {
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 25; i++) deep = deep.a = {}
    expect(unstorablePath(root)).not.toBeNull()
  })

  it('knows which document ids Firestore refuses', () => {
    expect(isStorableId('doc-1')).toBe(true)
    for (const id of ['.', '..', '__x__', '____']) expect(isStorableId(id)).toBe(false)
  })

  it('measures UTF-8 JSON bytes', () => {
    expect(jsonBytes({ a: 'é' })).toBe(Buffer.byteLength('{"a":"é"}'))
  })
})
