// VAPID keys for Web Push (issue 15). A deployment sets VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and
// VAPID_SUBJECT (a mailto: or https: contact the push services may use); locally `npm start` and
// scripts/with-emulators.mjs generate one pair into .tmp/vapid.json, once, and give it to the
// Functions emulator (which signs and encrypts with it) and to the PWA build (VITE_VAPID_PUBLIC_KEY,
// which the browser subscribes with).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const VAPID_FILE = join(ROOT, '.tmp', 'vapid.json')
const LOCAL_SUBJECT = 'mailto:technician-hub@example.ac.uk'

let cached = null

/** { publicKey, privateKey, subject }: from the environment, else this machine's local pair (made once). */
export function vapidKeys() {
  if (cached) return cached
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = process.env
  if (publicKey && privateKey) return (cached = { publicKey, privateKey, subject: subject || LOCAL_SUBJECT })
  cached = readLocal() ?? createLocal()
  return cached
}

/** The env the Functions emulator and the test commands get. */
export function vapidEnv() {
  const k = vapidKeys()
  return { VAPID_PUBLIC_KEY: k.publicKey, VAPID_PRIVATE_KEY: k.privateKey, VAPID_SUBJECT: k.subject }
}

function readLocal() {
  try {
    const k = JSON.parse(readFileSync(VAPID_FILE, 'utf8'))
    return typeof k.publicKey === 'string' && typeof k.privateKey === 'string' ? { subject: LOCAL_SUBJECT, ...k } : null
  } catch {
    return null
  }
}

function createLocal() {
  const { generateVAPIDKeys } = createRequire(import.meta.url)('web-push')
  const keys = { ...generateVAPIDKeys(), subject: LOCAL_SUBJECT }
  mkdirSync(dirname(VAPID_FILE), { recursive: true })
  try {
    // wx: two stacks starting at once keep the first pair, so every process signs with the same key.
    writeFileSync(VAPID_FILE, JSON.stringify(keys, null, 2) + '\n', { flag: 'wx', mode: 0o600 })
    return keys
  } catch {
    return readLocal() ?? keys
  }
}
