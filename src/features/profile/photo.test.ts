import { describe, expect, it } from 'vitest'
import { fitPhoto, MAX_PHOTO_CHARS, resizePhoto } from './photo'

describe('fitPhoto', () => {
  it('keeps the largest, best encoding that fits', async () => {
    const tried: string[] = []
    const url = await fitPhoto(async (size, quality) => {
      tried.push(`${size}@${quality}`)
      return 'x'.repeat(size * quality * 300)
    })
    expect(url!.length).toBeLessThanOrEqual(MAX_PHOTO_CHARS)
    expect(tried[0]).toBe('256@0.85')
    expect(tried).toEqual(['256@0.85', '256@0.7', '256@0.55'])
  })
  it('gives up when nothing fits', async () => {
    expect(await fitPhoto(async () => 'x'.repeat(MAX_PHOTO_CHARS + 1))).toBeNull()
  })
})

describe('resizePhoto', () => {
  it('refuses files that are not images, before decoding anything', async () => {
    expect(await resizePhoto(new Blob(['%PDF'], { type: 'application/pdf' }))).toEqual({
      ok: false,
      message: 'profile.photo.errors.notImage',
    })
  })
})
