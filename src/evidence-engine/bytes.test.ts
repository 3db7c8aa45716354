import { describe, expect, it } from 'vitest'
import { concatBytes, fromBase64, sha256Hex, toBase64 } from './bytes'

describe('bytes', () => {
  it('encodes base64 as the standard says', () => {
    expect(toBase64(new TextEncoder().encode('Man'))).toBe('TWFu')
    expect(toBase64(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('/9j/4A==')
    expect(toBase64(new Uint8Array(0))).toBe('')
  })

  it('round-trips large buffers (more than one slice of char codes)', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256)
    const back = fromBase64(toBase64(bytes))
    expect(back.length).toBe(bytes.length)
    expect(back.every((b, i) => b === bytes[i])).toBe(true)
  })

  it('hashes with SHA-256 as hex', async () => {
    const bytes = new TextEncoder().encode('evidence')
    expect(await sha256Hex(bytes)).toBe('ee8250fb76e094b34b471f13a73dbbe51d1ae142e9df59d7c0d31ec20f0a0a8e')
  })

  it('concatenates chunks', () => {
    expect(concatBytes([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])])).toEqual(new Uint8Array([1, 2, 3]))
  })
})
