/**
 * Photo compression on the phone: decoded (EXIF orientation applied), scaled to at most
 * {@link MAX_EDGE} pixels on the long edge, flattened onto white and re-encoded as JPEG.
 */

/** Long edge after compression: plenty to read a certificate or a lab notebook page. */
export const MAX_EDGE = 2048
export const JPEG_QUALITY = 0.82
/** Photos at most this big, already small enough on both edges, are kept as they are. */
export const KEEP_AS_IS_BYTES = 500 * 1024

/** Decodes and re-encodes a photo as JPEG; rejects when the browser cannot read the format. */
export async function compressPhoto(
  file: Blob,
  options: { maxEdge?: number; quality?: number } = {},
): Promise<{ blob: Blob; width: number; height: number }> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  try {
    const maxEdge = options.maxEdge ?? MAX_EDGE
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height))
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const quality = options.quality ?? JPEG_QUALITY
    const draw = (context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null) => {
      if (!context) throw new Error('No canvas')
      // JPEG has no transparency: a transparent PNG would otherwise turn black.
      context.fillStyle = '#ffffff'
      context.fillRect(0, 0, width, height)
      context.drawImage(bitmap, 0, 0, width, height)
    }
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height)
      draw(canvas.getContext('2d'))
      return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality }), width, height }
    }
    // Safari before 16.4 has no OffscreenCanvas.
    const canvas = Object.assign(document.createElement('canvas'), { width, height })
    draw(canvas.getContext('2d'))
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    if (!blob) throw new Error('Could not encode the photo')
    return { blob, width, height }
  } finally {
    bitmap.close()
  }
}

/** The pixel size of a photo without keeping it decoded. */
export async function photoSize(file: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(file)
  const size = { width: bitmap.width, height: bitmap.height }
  bitmap.close()
  return size
}
