/**
 * firestore.rules for what the survey callables add: a survey's themes (tagged answer keys) are
 * the server's — no client reads or writes them, not even the lead who tagged them (they come
 * back through the surveyTexts callable, which withholds them under 5 respondents).
 */
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { RUN } from './helpers/env'
import { metaOf, rulesEnv } from './helpers/rules'

const INST = `surveys-rules-${RUN}`
let env: RulesTestEnvironment
const as = (role: 'lead' | 'technician') => env.authenticatedContext(`${role}-${RUN}`, { institutionId: INST, role }).firestore()

beforeAll(async () => {
  env = await rulesEnv()
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore()
    await db.doc(`institutions/${INST}/surveys/s1`).set({ ...metaOf('s1'), title: 'Pulse' })
    await db.doc(`institutions/${INST}/surveys/s1/themes/t1`).set({ name: 'Time', keys: ['a'.repeat(64)] })
    // The rules check the membership itself: each reader's profile names the institution.
    for (const role of ['lead', 'technician'])
      await db.doc(`users/${role}-${RUN}/profiles/${role}-${RUN}`).set({ ...metaOf(`${role}-${RUN}`), institutionId: INST, role })
  })
})

afterAll(async () => {
  await env?.cleanup()
})

describe('survey themes are server-only', () => {
  it('the survey itself is readable by members', () => assertSucceeds(as('technician').doc(`institutions/${INST}/surveys/s1`).get()))
  it('a theme, to the lead', () => assertFails(as('lead').doc(`institutions/${INST}/surveys/s1/themes/t1`).get()))
  it('listing themes, to a technician', () => assertFails(as('technician').collection(`institutions/${INST}/surveys/s1/themes`).get()))
  it('writing a theme, as the lead', () =>
    assertFails(as('lead').doc(`institutions/${INST}/surveys/s1/themes/t2`).set({ name: 'X', keys: [] })))
})
