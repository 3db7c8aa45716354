/**
 * publishPlan / publicPlan: a lead publishes the institution's current action plan as static
 * HTML (both languages, rendered once here), stored server-side at `publicPlans/{inst}` (no client
 * reads it); the publicPlan HTTP function serves it to anyone, with no sign-in. The page's address
 * becomes the institution's `planUrl` (the self-assessment's "published URL"); republishing
 * replaces the pages at the same address.
 */
import { createHash } from 'node:crypto'
import * as v from 'valibot'
import { FieldValue, type Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { FUNCTIONS_REGION } from '@/domain/deployment'
import { LANGUAGES, type ActionPlan, type PlanAction, type RagChange } from '@/domain/entities'
import { PublishPlanInputSchema, publicPlanModel, type Language, type PublishPlanResult } from '@/domain/public-plan'
import { pickCurrentPlan } from '@/domain/rules/plan-groups'
import { typedError } from '../errors'
import { firstIssue } from '../push/validate'
import { PUBLIC_PLAN_CSP, renderNotFound, renderPublicPlan, type PageUrls } from './render'

/** A stored page must fit in one Firestore document (1 MiB) with room to spare. */
export const MAX_PAGE_BYTES = 900_000
/** How long browsers and caches may keep a page before asking again (a republish shows within this). */
export const PUBLIC_PLAN_MAX_AGE = 300

const INSTITUTION_ID = /^[\w.-]{1,128}$/

/**
 * The address the publicPlan function answers at. `PUBLIC_PLAN_BASE_URL` (functions/.env.<project>)
 * overrides it, e.g. for a Hosting rewrite on the institution's own domain; in the emulator it is
 * the Functions emulator's http origin; deployed, the function's cloudfunctions.net address.
 */
export function publicPlanBase(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_PLAN_BASE_URL) return env.PUBLIC_PLAN_BASE_URL.replace(/\/+$/, '')
  const project = env.GCLOUD_PROJECT || projectOf(env.FIREBASE_CONFIG) || 'demo-technician-hub'
  if (env.FUNCTIONS_EMULATOR === 'true') {
    const origin = (env.FUNCTIONS_EMULATOR_ORIGIN || 'http://127.0.0.1:5001').replace(/\/+$/, '')
    return `${origin}/${project}/${FUNCTIONS_REGION}/publicPlan`
  }
  return `https://${FUNCTIONS_REGION}-${project}.cloudfunctions.net/publicPlan`
}

function projectOf(config: string | undefined): string | undefined {
  try {
    const id = (JSON.parse(config ?? '{}') as { projectId?: unknown }).projectId
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}

/** The page addresses of an institution: the default one (its default language) and one per language. */
export function pageUrls(base: string, inst: string): PageUrls & { default: string } {
  const root = `${base}/${encodeURIComponent(inst)}`
  return { default: root, en: `${root}/en`, cy: `${root}/cy` }
}

const str = (x: unknown) => (typeof x === 'string' ? x : '')

export async function publishPlanCore(
  db: Firestore,
  caller: Caller,
  data: unknown,
  options: { now?: () => number; base?: string } = {},
): Promise<PublishPlanResult> {
  const parsed = v.safeParse(PublishPlanInputSchema, data ?? {})
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, { field: issue.field || 'lang' })
  }
  const inst = caller.institutionId
  if (!inst || (caller.role !== 'lead' && caller.role !== 'admin')) throw typedError('forbidden', 'Only leads publish the plan')
  const now = (options.now ?? Date.now)()
  const base = options.base ?? publicPlanBase()
  const instRef = db.doc(`institutions/${inst}`)
  const [institution, plans, ragChanges, profiles] = await Promise.all([
    instRef.get(),
    db.collection(`institutions/${inst}/plans`).get(),
    db.collection(`institutions/${inst}/ragChanges`).select('actionId', 'status', 'at', 'deleted').get(),
    db.collectionGroup('profiles').where('institutionId', '==', inst).where('deleted', '==', false).select('displayName', 'email').get(),
  ])
  if (!institution.exists || institution.get('deleted') === true) throw typedError('not-found', 'No such institution')
  const plan = pickCurrentPlan(plans.docs.map((d) => ({ ...(d.data() as ActionPlan), id: d.id })))
  if (!plan) throw typedError('not-found', 'There is no published plan to publish')
  const actionDocs = await db.collection(`institutions/${inst}/actions`).where('planId', '==', plan.id).get()
  const actions = actionDocs.docs.map((d) => ({ ...(d.data() as PlanAction), id: d.id })).filter((a) => a.deleted !== true)
  const ids = new Set(actions.map((a) => a.id))
  const changes = ragChanges.docs
    .map((d) => ({ ...(d.data() as RagChange), id: d.id }))
    .filter((c) => ids.has(c.actionId) && c.deleted !== true)
  // Everyone who could be named: members (name, address, uid) and the people on the institution's own record.
  const people = {
    names: [...profiles.docs.map((d) => str(d.get('displayName'))), str(institution.get('contactName')), str(institution.get('headName'))],
    emails: [...profiles.docs.map((d) => str(d.get('email'))), str(institution.get('contactEmail'))],
    uids: profiles.docs.map((d) => d.id),
  }
  const source = { institution: { name: str(institution.get('name')) }, plan, actions, changes, people, publishedAt: now }
  const urls = pageUrls(base, inst)
  const pages = Object.fromEntries(LANGUAGES.map((lang) => [lang, renderPublicPlan(publicPlanModel(source, lang), urls)])) as Record<
    Language,
    string
  >
  for (const lang of LANGUAGES) {
    if (Buffer.byteLength(pages[lang], 'utf8') > MAX_PAGE_BYTES)
      throw typedError('too-large', 'The plan is too long to publish as one page')
  }
  const defaultLang: Language = parsed.output.lang ?? (institution.get('defaultLocale') === 'cy' ? 'cy' : 'en')
  const url = parsed.output.lang ? urls[parsed.output.lang] : urls.default
  const root = db.doc(`publicPlans/${inst}`)
  const batch = db.batch()
  for (const lang of LANGUAGES) {
    batch.set(root.collection('pages').doc(lang), { html: pages[lang], etag: etagOf(pages[lang]), publishedAt: now })
  }
  batch.set(root, { institutionId: inst, planId: plan.id, defaultLang, publishedAt: now, url })
  await batch.commit()
  await setPlanUrl(db, inst, url, caller.uid, now)
  return { url, publishedAt: now, actions: actions.length }
}

/** Writes `planUrl` as a synced edit would (version, commit time, the field's clock), so every device pulls it. */
async function setPlanUrl(db: Firestore, inst: string, url: string, uid: string, now: number): Promise<void> {
  const ref = db.doc(`institutions/${inst}`)
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (!snap.exists || snap.get('planUrl') === url) return
    const version = (typeof snap.get('version') === 'number' ? (snap.get('version') as number) : 0) + 1
    tx.update(ref, {
      planUrl: url,
      version,
      updatedAt: FieldValue.serverTimestamp(),
      lastMutationId: null,
      '_clock.planUrl': now,
      '_by.planUrl': { v: version, uid },
    })
  })
}

function etagOf(page: string): string {
  return `"${createHash('sha256').update(page, 'utf8').digest('base64url').slice(0, 27)}"`
}

export interface PublicResponse {
  status: number
  headers: Record<string, string>
  body: string
}

const BASE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': PUBLIC_PLAN_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'cross-origin',
}

/** `/inst`, `/inst/en`, `/inst/cy` (a trailing slash allowed) → what to look up, or null. */
export function parsePublicPath(path: string): { inst: string; lang: Language | null } | null {
  const m = /^\/([^/]+)(?:\/(en|cy))?\/?$/.exec(path)
  if (!m) return null
  let inst: string
  try {
    inst = decodeURIComponent(m[1]!)
  } catch {
    return null
  }
  return INSTITUTION_ID.test(inst) ? { inst, lang: (m[2] as Language | undefined) ?? null } : null
}

/** The answer to a GET (or HEAD) of a public plan page. */
export async function servePublicPlan(db: Firestore, method: string, path: string, ifNoneMatch?: string): Promise<PublicResponse> {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { ...BASE_HEADERS, Allow: 'GET, HEAD', 'Cache-Control': 'no-store' }, body: '' }
  }
  const target = parsePublicPath(path)
  const notFound = (lang: Language): PublicResponse => ({
    status: 404,
    headers: { ...BASE_HEADERS, 'Content-Language': lang, 'Cache-Control': 'public, max-age=60' },
    body: renderNotFound(lang),
  })
  if (!target) return notFound('en')
  const root = db.doc(`publicPlans/${target.inst}`)
  const lang = target.lang ?? ((await root.get()).get('defaultLang') === 'cy' ? 'cy' : 'en')
  const page = await root.collection('pages').doc(lang).get()
  const body = page.get('html')
  if (typeof body !== 'string') return notFound(lang)
  const etag = String(page.get('etag') ?? etagOf(body))
  const headers = {
    ...BASE_HEADERS,
    'Content-Language': lang,
    'Cache-Control': `public, max-age=${PUBLIC_PLAN_MAX_AGE}`,
    ETag: etag,
    'Last-Modified': new Date(Number(page.get('publishedAt')) || Date.now()).toUTCString(),
  }
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) return { status: 304, headers, body: '' }
  return { status: 200, headers, body }
}
