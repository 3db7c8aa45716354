/**
 * firestore.rules for what the survey callables add: a survey's themes (tagged answer keys) are
 * the server's — no client reads or writes them, not even the lead who tagged them (they come
 * back through the surveyTexts callable, which withholds them under 5 respondents).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { setLogLevel } from 'firebase/firestore'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { FIRESTORE_HOST, hostPort, PROJECT_ID, RUN } from './helpers/env'

const INST = `surveys-rules-${RUN}`
let env: RulesTestEnvironment
const as = (role: 'lead' | 'technician') => env.authenticatedContext(`${role}-${RUN}`, { institutionId: INST, role }).firestore()

beforeAll(async () => {
  setLogLevel('silent')
  const { host, port } = hostPort(FIRESTORE_HOST)
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host, port, rules: readFileSync(fileURLToPath(new URL('../../firestore.rules', import.meta.url)), 'utf8') },
  })
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore()
    await db.doc(`institutions/${INST}/surveys/s1`).set({ id: 's1', updatedAt: 1, version: 1, deleted: false, lastMutationId: null, title: 'Pulse' })
    await db.doc(`institutions/${INST}/surveys/s1/themes/t1`).set({ name: 'Time', keys: ['a'.repeat(64)] })
  })
})

afterAll(async () => {
  await env?.cleanup()
})

describe('survey themes are server-only', () => {
  it('the survey itself is readable by members', () => assertSucceeds(as('technician').doc(`institutions/${INST}/surveys/s1`).get()))
  it('a theme, to the lead', () => assertFails(as('lead').doc(`institutions/${INST}/surveys/s1/themes/t1`).get()))
  it('listing themes, to a technician', () => assertFails(as('technician').collection(`institutions/${INST}/surveys/s1/themes`).get()))
  it('writing a theme, as the lead', () => assertFails(as('lead').doc(`institutions/${INST}/surveys/s1/themes/t2`).set({ name: 'X', keys: [] })))
})
