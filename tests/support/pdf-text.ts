/**
 * Reads a PDF back the way a reader does (pdf.js, the engine of Firefox's viewer): the text of
 * each page, one line per text run, and the document's title. Tests use it to check that what
 * was written is what a person sees and can copy.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function pdfText(bytes: Uint8Array): Promise<{ text: string; title: string | undefined; pages: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 })
  try {
    const doc = await task.promise
    const lines: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      for (const item of content.items) if ('str' in item) lines.push(item.str)
    }
    const info = (await doc.getMetadata()).info as { Title?: string } | undefined
    return { text: lines.join('\n'), title: info?.Title, pages: doc.numPages }
  } finally {
    await task.destroy()
  }
}
