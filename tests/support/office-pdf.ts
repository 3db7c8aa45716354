/**
 * A Word document as a panel member opens it: converted to PDF by LibreOffice (Debian's
 * libreoffice-writer-nogui, headless) and read back with poppler's pdftotext in layout mode, which
 * keeps each line of a table cell where it printed. scripts/prerequisites.mjs installs both.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Converts `docx` to a PDF in `outDir` and returns its path. Each call gets its own LibreOffice
 * profile directory, so conversions running side by side (two test workers) do not wait on each
 * other's profile lock; a cold profile makes a conversion slower, hence the generous limit.
 */
export async function docxToPdf(docx: string, outDir: string, timeoutMs = 180_000): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'))
  const pdf = join(outDir, basename(docx).replace(/\.[^.]+$/, '') + '.pdf')
  try {
    const { stdout, stderr } = await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx],
      { timeout: timeoutMs, killSignal: 'SIGKILL' },
    )
    // soffice can exit 0 having written nothing ("source file could not be loaded").
    if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}: ${stdout}${stderr}`)
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
  return pdf
}

/** The text of a PDF laid out as printed (pdftotext -layout), how many pages it has, and each page's text. */
export async function pdfLayoutText(pdf: string): Promise<{ text: string; pages: number; pageTexts: string[] }> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  // pdftotext ends every page with a form feed.
  const pages = stdout.split('\f').slice(0, -1)
  return { text: pages.join('\n'), pages: pages.length, pageTexts: pages }
}
