/** Saving generated files (CSV, JSON, DOCX, PDF, ZIP) through the browser's download. */

/** Saves a Blob as a file named `name`, through a temporary link to an object URL. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = Object.assign(document.createElement('a'), { href: url, download: name, rel: 'noopener' })
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked late: the browser may still be reading a large file after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Saves text as a file of the given MIME type. */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, textBlob(text, type))
}

/**
 * Text as a file's bytes (UTF-8). A CSV starts with a byte-order mark: without it Excel reads the
 * file as the system's legacy code page, and "Siân ap Gwŵr" or "Дмитрий" come out mangled.
 */
export function textBlob(text: string, type: string): Blob {
  const bom = /^text\/csv\b/i.test(type) && !text.startsWith('\ufeff') ? '\ufeff' : ''
  return new Blob([bom + text], { type })
}
