/**
 * The fonts the PDF embeds: DejaVu Sans, regular and bold. jsPDF's built-in fonts cover Latin-1
 * only; DejaVu Sans covers Latin Extended-A/B, Greek and Cyrillic (and more), so "Siân ap Gwŵr",
 * "Zoë Kowalczyk-Łęcka", "Řehoř", "Ωmega" and "Дмитрий" print as themselves.
 *
 * The two TTF files (1.4 MB, 0.73 MB gzip) are fetched only when someone exports a PDF: they are
 * in neither the first download nor the offline precache (a rarely used export would make every
 * install download them). The service worker keeps them after the first PDF export (runtime cache
 * "pdf-fonts" in vite.config.ts), so later PDF exports work offline too; with no network and no
 * copy yet, the export fails with a message that says so.
 */
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url'
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url'

export interface PdfFonts {
  regular: Uint8Array
  bold: Uint8Array
}

export const PDF_FONT_URLS: Readonly<Record<keyof PdfFonts, string>> = { regular: regularUrl, bold: boldUrl }

/** The reason shown to the person when the fonts cannot be had (the view prefixes "Could not prepare the PDF: "). */
export const PDF_FONTS_UNAVAILABLE =
  'its font could not be downloaded. Connect to the internet and try again (after one PDF export this device keeps the font for offline use); the Word and CSV files need no download'

type Fetch = (url: string) => Promise<Response>

/** Fetches both faces; any failure (offline, an error page, not a TrueType file) is one clear error. */
export async function fetchPdfFonts(get: Fetch = (url) => fetch(url)): Promise<PdfFonts> {
  const one = async (url: string) => {
    let bytes: Uint8Array
    try {
      const response = await get(url)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      bytes = new Uint8Array(await response.arrayBuffer())
    } catch (cause) {
      throw new Error(PDF_FONTS_UNAVAILABLE, { cause })
    }
    // A TrueType file starts 00 01 00 00; anything else (an HTML page from a proxy) is not one.
    if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 1 || bytes[2] !== 0 || bytes[3] !== 0) throw new Error(PDF_FONTS_UNAVAILABLE)
    return bytes
  }
  const [regular, bold] = await Promise.all([one(PDF_FONT_URLS.regular), one(PDF_FONT_URLS.bold)])
  return { regular, bold }
}

let loaded: Promise<PdfFonts> | undefined

/** The fonts, fetched once per page load (a failed attempt is retried on the next export). */
export function loadPdfFonts(): Promise<PdfFonts> {
  loaded ??= fetchPdfFonts()
  loaded.catch(() => (loaded = undefined))
  return loaded
}
