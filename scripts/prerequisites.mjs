// What the tests need from the machine beyond npm: Debian's Chromium (Playwright's own browser
// download cannot work here), Java and the Cloud Firestore emulator. Installs Chromium with apt
// when it can; otherwise says exactly what to install.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const FIRESTORE_JAR =
  process.env.FIRESTORE_EMULATOR_JAR || '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar'

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

export function ensureTestPrerequisites() {
  if (!existsSync(CHROMIUM)) {
    const root = process.getuid?.() === 0
    if (root && has('apt-get')) {
      console.log("Chromium is missing: installing Debian's chromium with apt-get …")
      const r = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
        stdio: 'inherit',
      })
      if (r.status !== 0 || !existsSync(CHROMIUM))
        return { ok: false, message: 'Installing Chromium failed. Run: apt-get update && apt-get install -y chromium' }
    } else {
      return {
        ok: false,
        message: `Chromium not found at ${CHROMIUM}. Install it: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
      }
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
