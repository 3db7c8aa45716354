// What the tests need from the machine beyond npm: Debian's Chromium (Playwright's own browser
// download cannot work here), LibreOffice and poppler's pdftotext (the self-assessment test prints
// each DOCX to PDF and reads it back), Arial's metric twin Liberation Sans (so LibreOffice lays the
// document out as Word would), Java and the Cloud Firestore emulator. Installs the Debian packages
// with one apt-get call when it can; otherwise says exactly what to install. Quick when all is there.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const FIRESTORE_JAR =
  process.env.FIRESTORE_EMULATOR_JAR || '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar'

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
const LIBERATION = ['liberation2', 'liberation'].map((d) => `/usr/share/fonts/truetype/${d}/LiberationSans-Regular.ttf`)

/** The Debian packages the tests need, each with how to tell it is there. */
const PACKAGES = [
  { name: 'chromium', present: () => existsSync(CHROMIUM), what: `Chromium (${CHROMIUM}, or set CHROMIUM_PATH)` },
  { name: 'libreoffice-writer-nogui', present: () => has('soffice'), what: 'LibreOffice (soffice)' },
  { name: 'poppler-utils', present: () => has('pdftotext'), what: 'pdftotext' },
  { name: 'fonts-liberation2', present: () => LIBERATION.some((f) => existsSync(f)), what: 'the Liberation fonts' },
]

export function ensureTestPrerequisites() {
  const missing = PACKAGES.filter((p) => !p.present())
  if (missing.length > 0) {
    const names = missing.map((p) => p.name).join(' ')
    const command = (sudo = '') => `${sudo}apt-get update && ${sudo}apt-get install -y ${names}`
    if (process.getuid?.() === 0 && has('apt-get')) {
      console.log(`Missing for the tests: ${missing.map((p) => p.what).join(', ')}. Installing with apt-get: ${names} …`)
      spawnSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${names}`], { stdio: 'inherit' })
      const still = missing.filter((p) => !p.present())
      if (still.length > 0) return { ok: false, message: `Installing ${still.map((p) => p.name).join(' ')} failed. Run: ${command()}` }
    } else {
      return { ok: false, message: `Missing for the tests: ${missing.map((p) => p.what).join(', ')}. Install: ${command('sudo ')}` }
    }
  }
  if (!has('java'))
    return { ok: false, message: 'Java is missing (the Firestore emulator needs it): apt-get install -y openjdk-17-jre-headless' }
  if (!existsSync(FIRESTORE_JAR)) {
    return {
      ok: false,
      message: `The Cloud Firestore emulator is missing (${FIRESTORE_JAR}). Install the Debian package google-cloud-cli-firestore-emulator (Google Cloud CLI apt repository), or set FIRESTORE_EMULATOR_JAR.`,
    }
  }
  return { ok: true }
}
