import { describe, expect, it } from 'vitest'
import { allowedEdits, boundedDistance } from './fuzzy'

describe('boundedDistance', () => {
  it('counts substitutions, insertions, deletions and swaps', () => {
    expect(boundedDistance('welding', 'welding', 2)).toBe(0)
    expect(boundedDistance('weldng', 'welding', 2)).toBe(1)
    expect(boundedDistance('weldiing', 'welding', 2)).toBe(1)
    expect(boundedDistance('wolding', 'welding', 2)).toBe(1)
    expect(boundedDistance('wledign', 'welding', 2)).toBe(2)
    expect(boundedDistance('pyhton', 'python', 1)).toBe(1)
  })
  it('stops at the limit', () => {
    expect(boundedDistance('cat', 'microscope', 2)).toBe(3)
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3)
  })
  it('measures to the closest start of the term in prefix mode', () => {
    expect(boundedDistance('confocl', 'confocal', 2, true)).toBe(1)
    expect(boundedDistance('micrsc', 'microscope', 1, true)).toBe(1)
    expect(boundedDistance('spectromety', 'spectrometry', 2, true)).toBe(1)
    expect(boundedDistance('xyzzy', 'spectrometry', 2, true)).toBe(3)
    expect(boundedDistance('confocal', 'conf', 2, true)).toBe(3)
  })
  it('works on long terms after short ones (its buffers grow)', () => {
    expect(boundedDistance('a'.repeat(60), 'a'.repeat(59) + 'b', 2)).toBe(1)
    expect(boundedDistance('ab', 'ab', 1)).toBe(0)
  })
})

describe('allowedEdits', () => {
  it('allows no typos in short words, one in medium and two in long ones', () => {
    expect([3, 4, 6, 7, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2])
  })
})
