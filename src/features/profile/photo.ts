/**
 * Profile photos are stored small, inside the profile: a square JPEG data URL of at most 48 KB,
 * made on a canvas from whatever the phone's camera produced.
 */

/** The stored photo's size cap, in characters of its data URL. */
export const MAX_PHOTO_CHARS = 48 * 1024
/** Sizes (px, square) and JPEG qualities tried, largest and best first. */
const SIZES = [256, 192, 160, 128, 96] as const
const QUALITIES = [0.85, 0.7, 0.55] as const

export type Encode = (size: number, quality: number) => Promise<string>

/** The first encoding, best first, that fits `max` characters; null if even the smallest does not. */
export async function fitPhoto(encode: Encode, max = MAX_PHOTO_CHARS): Promise<string | null> {
  for (const size of SIZES) {
    for (const quality of QUALITIES) {
      const url = await encode(size, quality)
      if (url.length <= max) return url
    }
  }
  return null
}

/** `message`: the key of what went wrong (`profile.photo.errors.*`). */
export type PhotoResult = { ok: true; dataUrl: string } | { ok: false; message: string }

/** Checks a chosen file, then crops it to a centred square and shrinks it to fit. */
export async function resizePhoto(file: Blob): Promise<PhotoResult> {
  if (!file.type.startsWith('image/')) return { ok: false, message: 'profile.photo.errors.notImage' }
  if (file.size > 20 * 1024 * 1024) return { ok: false, message: 'profile.photo.errors.tooLarge' }
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    return { ok: false, message: 'profile.photo.errors.unreadable' }
  }
  try {
    const side = Math.min(bitmap.width, bitmap.height)
    const sx = (bitmap.width - side) / 2
    const sy = (bitmap.height - side) / 2
    const canvas = document.createElement('canvas')
    const encode: Encode = async (size, quality) => {
      canvas.width = size
      canvas.height = size
      const ctx = canvas.getContext('2d')
      if (!ctx) throw new Error('Canvas unavailable')
      ctx.drawImage(bitmap, sx, sy, side, side, 0, 0, size, size)
      return canvas.toDataURL('image/jpeg', quality)
    }
    const dataUrl = await fitPhoto(encode)
    return dataUrl ? { ok: true, dataUrl } : { ok: false, message: 'profile.photo.errors.tooBig' }
  } finally {
    bitmap.close()
  }
}
