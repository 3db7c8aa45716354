/**
 * What is tested is what is deployed: the Functions emulator runs the functions on the Node major
 * of the Cloud Functions runtime that firebase.json deploys, and serves them in the one region the
 * client calls.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from './helpers/callable'

const firebaseJson = JSON.parse(readFileSync(new URL('../../firebase.json', import.meta.url), 'utf8'))
const major = String(firebaseJson.functions[0].runtime).replace('nodejs', '')

describe('the Functions emulator', () => {
  it(`runs the functions on Node ${major}, the major of the deployed runtime`, () => {
    const logDir = process.env.EMULATOR_LOG_DIR
    expect(logDir, 'run through scripts/with-emulators.mjs').toBeTruthy()
    const log = readFileSync(join(logDir!, 'firebase.log'), 'utf8')
    const used = [...log.matchAll(/Using node@(\d+) from host/g)].map((m) => m[1])
    expect(used.length).toBeGreaterThan(0)
    expect(new Set(used)).toEqual(new Set([major]))
  })

  it('serves the callables in the region the client calls', async () => {
    // Signed out, the callable itself answers (unauthenticated, 401); a region it is not in would 404.
    const out = await call('syncPush', { mutations: [] }, null)
    expect(out.httpStatus).toBe(401)
  })
})
