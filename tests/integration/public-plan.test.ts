/**
 * The plan in public (issue 16) on the real stack: a lead publishes the current plan with the
 * publishPlan callable (a technician cannot); anyone fetches the page from the publicPlan HTTP
 * function with no credentials and reads the actions, but no member's name, e-mail address or uid;
 * the address becomes the institution's planUrl; republishing after an edit shows the edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PublishPlanResult } from '@/domain/public-plan'
import { adminApp, type Admin } from './helpers/admin'
import { call, callOk } from './helpers/callable'
import { FUNCTIONS_ORIGIN, PROJECT_ID, REGION, RUN } from './helpers/env'
import { applied, docId, mutation, pushOne } from './helpers/push'
import { createMember, seedInstitution } from './helpers/seed'
import { emailAt, type TestUser } from './helpers/users'

const INST = `public-${RUN}`
let admin: Admin
let lead: TestUser
let tech: TestUser
const LEAD_NAME = 'Gwenllian Publishtest'
const TECH_NAME = 'Rhodri Publishtest'
const planId = docId('plan')
const v1 = docId('act')
const r2 = docId('act')

beforeAll(async () => {
  admin = adminApp()
  await seedInstitution(admin.db, { id: INST, name: 'Example Public University' })
  lead = await createMember(admin, INST, emailAt('example.ac.uk', 'pub-lead'), 'lead', { displayName: LEAD_NAME })
  tech = await createMember(admin, INST, emailAt('example.ac.uk', 'pub-tech'), 'technician', { displayName: TECH_NAME })
  const plan = {
    title: 'Technician Commitment plan 2026–2029',
    stage: 'two',
    startDate: '2026-06-01',
    endDate: '2029-05-31',
    phases: { P1: 'Jun 2026 – May 2027' },
    owners: { SG: 'Steering group' },
    status: 'published',
  }
  applied(await pushOne(lead, mutation('plans', planId, 'put', plan)))
  const action = (code: string, activity: string, owner: string, themes: string[]) => ({
    planId,
    code,
    themes,
    activity,
    measures: [{ id: docId('m'), text: `Measure of ${code}: 148 → 178 members` }],
    timeframe: 'P1',
    owner,
  })
  // An owner cell naming people, as a hurried lead might write it.
  applied(
    await pushOne(
      lead,
      mutation('actions', v1, 'put', action('V1', 'Grow the technician network', `SG, ${TECH_NAME} (${tech.email})`, ['visibility'])),
    ),
  )
  applied(await pushOne(lead, mutation('actions', r2, 'put', action('R2', 'Name technicians on papers', 'SG', ['recognition']))))
  applied(
    await pushOne(
      lead,
      mutation('ragChanges', docId('rag'), 'put', { actionId: v1, status: 'green', rationale: 'Done', at: Date.now(), byUid: lead.uid }),
    ),
  )
}, 120_000)

afterAll(async () => {
  await admin?.close()
})

const publish = (user: TestUser, data: unknown = {}) => call<PublishPlanResult>('publishPlan', data, user.idToken)

/** GET with no cookies and no Authorization header. */
async function open(url: string) {
  const res = await fetch(url, { credentials: 'omit', redirect: 'manual' })
  return { status: res.status, headers: res.headers, body: await res.text() }
}

describe('publishPlan and publicPlan', () => {
  it('a technician cannot publish', async () => {
    const out = await publish(tech)
    expect(out.ok).toBe(false)
    expect(out.ok ? null : out.error.details?.code).toBe('forbidden')
    expect((await admin.db.doc(`publicPlans/${INST}`).get()).exists).toBe(false)
  })

  it('a lead publishes; anyone reads the page without signing in, with no personal data; its address is the planUrl', async () => {
    const { url, actions } = await callOk<PublishPlanResult>('publishPlan', {}, lead.idToken)
    expect(actions).toBe(2)
    // In the emulator, the Functions emulator's own http address.
    expect(url).toBe(`${FUNCTIONS_ORIGIN}/${PROJECT_ID}/${REGION}/publicPlan/${INST}`)

    const page = await open(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/)
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.body).toContain('<html lang="en">')
    expect(page.body).toContain('Example Public University')
    expect(page.body).toContain('<span class="code">V1</span> Grow the technician network')
    expect(page.body).toContain('<span class="code">R2</span> Name technicians on papers')
    expect(page.body).toContain('Measure of V1: 148 → 178 members')
    expect(page.body).toContain('SG (Steering group)')
    expect(page.body).toContain('Green · done')
    for (const secret of [LEAD_NAME, TECH_NAME, lead.email, tech.email, lead.uid, tech.uid]) expect(page.body).not.toContain(secret)
    expect(page.body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)

    const institution = (await admin.db.doc(`institutions/${INST}`).get()).data()!
    expect(institution.planUrl).toBe(url)
    expect(institution.version).toBeGreaterThan(1)

    // The Welsh page, and the English one by its own address, are published too.
    const cy = await open(`${url}/cy`)
    expect(cy.status).toBe(200)
    expect(cy.body).toContain('<html lang="cy">')
    expect(cy.headers.get('content-language')).toBe('cy')
    expect((await open(`${url}/en`)).body).toBe(page.body)
    // Unpublished institutions have no page.
    expect((await open(url.replace(INST, `${INST}-none`))).status).toBe(404)
  })

  it('republishing after an edit shows the new title at the same address', async () => {
    applied(await pushOne(lead, mutation('actions', v1, 'patch', { activity: 'Grow the technician network across all sites' })))
    const first = await open((await callOk<PublishPlanResult>('publishPlan', { lang: 'en' }, lead.idToken)).url)
    expect(first.body).toContain('Grow the technician network across all sites')
    const { url } = await callOk<PublishPlanResult>('publishPlan', {}, lead.idToken)
    expect((await admin.db.doc(`institutions/${INST}`).get()).get('planUrl')).toBe(url)
    const again = await open(url)
    expect(again.body).toContain('<span class="code">V1</span> Grow the technician network across all sites')
    // A cache holding the page asks with its ETag and is told it is current.
    const etag = again.headers.get('etag')!
    expect((await fetch(url, { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })

  it('refuses a malformed request', async () => {
    const out = await publish(lead, { lang: 'fr' })
    expect(out.ok ? null : out.error.details?.code).toBe('invalid')
  })
})
