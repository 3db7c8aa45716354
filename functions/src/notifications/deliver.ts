/**
 * After a commit (issue 15): Web Push to the recipients' devices as their preferences say, a
 * survey's notifications to its audience, and the scheduled jobs (quiet-hour pushes, the survey
 * digest, closing reminders, the 90-day purge).
 *
 * Push: encrypted per RFC 8291 (aes128gcm) and signed with the VAPID keys from the environment by
 * `web-push`'s generateRequestDetails; the request itself is sent with fetch. The payload holds the
 * kind, the app path, the notification id and the unread count, nothing personal: the service
 * worker words the title from the kind. A push service's 404 or 410 means the subscription is gone:
 * it is deleted. Quiet hours: a push is held (users/{uid}/heldPushes) and sent by
 * `sendHeldPushes` once they end, as one push for the latest held notification.
 */
import { createHash } from 'node:crypto'
import { FieldValue, type DocumentReference, type Firestore } from 'firebase-admin/firestore'
import { generateRequestDetails } from 'web-push'
import { logger } from 'firebase-functions/v2'
import { deliveryFor, NOTIFICATION_TTL_MS, PREFS_ID, type NotificationKind, type PrefsLike, type PushPayload } from '@/domain/notifications'
import { addDays } from '@/domain/rules/dates'
import { institutionProfiles, keyedId, utcDay } from '../surveys/submit'
import { audienceSize } from '../stats/stats'
import { notificationData, notificationPath, prefsOf, type NotificationEffects } from './store'
import { modeFor, notificationId } from '@/domain/notifications'

export interface PushConfig {
  publicKey: string
  privateKey: string
  subject: string
}

/** The VAPID keys from the environment; null (no push, inbox only) when they are not set. */
export function pushConfig(env: NodeJS.ProcessEnv = process.env): PushConfig | null {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env
  return publicKey && privateKey ? { publicKey, privateKey, subject: subject || 'mailto:technician-hub@example.ac.uk' } : null
}

/** A subscription's document id: the SHA-256 of its endpoint (endpoints are long URLs). */
export const subscriptionId = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex')
export const subscriptionsPath = (uid: string) => `users/${uid}/pushSubscriptions`
const heldPath = (uid: string) => `users/${uid}/heldPushes`

export interface StoredSubscription {
  endpoint: string
  keys: { p256dh: string; auth: string }
  locale?: string
}

interface Note {
  uid: string
  id: string
  kind: NotificationKind
  link: string
}

/** Carries out what committed transactions left: survey fan-outs first, then pushes. Never throws. */
export async function deliver(db: Firestore, effects: NotificationEffects, now = Date.now()): Promise<void> {
  const notes = [...effects.written]
  for (const job of effects.jobs) {
    try {
      notes.push(...(await runSurveyJob(db, db.doc(job), now)))
    } catch (error) {
      // The job stays; sendHeldPushes picks it up again.
      logger.warn('notifications-job-failed', { job, error: String(error) })
    }
  }
  await pushNotes(db, notes, now)
}

/** Pushes notes to their recipients per preferences (held in quiet hours). Never throws. */
export async function pushNotes(db: Firestore, notes: readonly Note[], now = Date.now()): Promise<void> {
  const byUid = new Map<string, Note[]>()
  for (const n of notes) byUid.set(n.uid, [...(byUid.get(n.uid) ?? []), n])
  const config = pushConfig()
  await inBatches([...byUid], 10, async ([uid, mine]) => {
    try {
      const prefs = (await db.doc(`users/${uid}/notificationPrefs/${PREFS_ID}`).get()).data() as PrefsLike | undefined
      const modes = mine.map((n) => ({ n, how: deliveryFor(prefs?.kinds ? prefs : null, n.kind, now) }))
      const held = modes.filter((m) => m.how === 'push-later')
      for (const { n } of held) await db.doc(`${heldPath(uid)}/${n.id}`).set({ uid, id: n.id, kind: n.kind, link: n.link, heldAt: now })
      const last = modes.filter((m) => m.how === 'push').at(-1)?.n
      // One push per person per commit: the latest; the badge counts the rest.
      if (last && config) await pushTo(db, config, uid, last)
    } catch (error) {
      logger.warn('notifications-push-failed', { uid, error: String(error) })
    }
  })
}

/** Sends one notification to every subscription of `uid`; removes the ones the push service says are gone. */
export async function pushTo(db: Firestore, config: PushConfig, uid: string, note: Pick<Note, 'id' | 'kind' | 'link'>): Promise<number> {
  const subs = await db.collection(subscriptionsPath(uid)).get()
  if (subs.empty) return 0
  const badge = (
    await db.collection(`users/${uid}/notifications`).where('readAt', '==', null).where('deleted', '==', false).count().get()
  ).data().count
  const payload: PushPayload = { kind: note.kind, link: note.link, id: note.id, badge }
  let sent = 0
  for (const doc of subs.docs) {
    const sub = doc.data() as StoredSubscription
    const status = await sendPush(config, sub, payload)
    if (status === 404 || status === 410) await doc.ref.delete()
    else if (status >= 200 && status < 300) sent++
    else logger.warn('notifications-push-refused', { uid, status })
  }
  return sent
}

/** One encrypted push; the push service's HTTP status (0: no answer). */
export async function sendPush(config: PushConfig, sub: StoredSubscription, payload: PushPayload): Promise<number> {
  const details = generateRequestDetails({ endpoint: sub.endpoint, keys: sub.keys }, JSON.stringify(payload), {
    vapidDetails: config,
    contentEncoding: 'aes128gcm',
    TTL: 24 * 60 * 60,
    urgency: 'normal',
  })
  try {
    const res = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: new Uint8Array(details.body),
      signal: AbortSignal.timeout(15_000),
    })
    await res.arrayBuffer().catch(() => undefined)
    return res.status
  } catch {
    return 0
  }
}

// ---------- surveys: opened (fan-out, or a daily digest) and closing ----------

interface SurveyJob {
  kind: 'survey.opened'
  surveyId: string
  title: string
  titleCy?: string
  audience: unknown
  digest: boolean
  byUid: string
  createdAt: number
}

interface Recipient {
  uid: string
  facultyId?: string
  roleFamily?: string
}

/** Live members of an institution with what a survey's audience selects on. */
async function members(db: Firestore, inst: string): Promise<Recipient[]> {
  const snap = await institutionProfiles(db, inst).select('facultyId', 'roleFamily').get()
  return snap.docs.map((d) => ({
    uid: d.ref.parent.parent?.id ?? d.id,
    facultyId: d.get('facultyId') as string | undefined,
    roleFamily: d.get('roleFamily') as string | undefined,
  }))
}

const inAudience = (m: Recipient, audience: unknown) => audienceSize([m], audience) === 1

/**
 * Tells a survey's audience it opened: one notification each (created once: a survey closed and
 * opened again, or a job run twice, tells nobody twice), then the job is deleted. A digest job
 * is left for the daily digest. Returns what was written, to push.
 */
export async function runSurveyJob(db: Firestore, ref: DocumentReference, now = Date.now()): Promise<Note[]> {
  const snap = await ref.get()
  if (!snap.exists) return []
  const job = snap.data() as SurveyJob
  if (job.digest) return []
  const inst = ref.parent.parent!.id
  const params = { title: job.title, ...(job.titleCy ? { titleCy: job.titleCy } : {}) }
  const link = `/surveys/${job.surveyId}`
  const id = notificationId('survey.opened', job.surveyId)
  const audience = (await members(db, inst)).filter((m) => m.uid !== job.byUid && inAudience(m, job.audience))
  const written = await createAll(
    db,
    audience.map((m) => ({ uid: m.uid, id, kind: 'survey.opened' as const, params, link })),
    now,
  )
  await ref.delete()
  return written
}

/** Creates notifications that do not exist yet (in bulk); returns those created. */
async function createAll(
  db: Firestore,
  items: readonly (Note & { params: Record<string, string | number> })[],
  now: number,
): Promise<Note[]> {
  const created: Note[] = []
  const prefs = await prefsOf(db, (refs) => db.getAll(...refs), [...new Set(items.map((i) => i.uid))])
  const wanted = items.filter((i) => modeFor(prefs.get(i.uid), i.kind) !== 'off')
  const writer = db.bulkWriter()
  writer.onWriteError(() => false) // ALREADY_EXISTS: told before
  // The writes' promises settle as the writer flushes: close it first, then read them.
  const writes = wanted.map((i) =>
    writer.create(db.doc(notificationPath(i.uid, i.id)), notificationData(i, now)).then(
      () => created.push({ uid: i.uid, id: i.id, kind: i.kind, link: i.link }),
      () => undefined,
    ),
  )
  await writer.close()
  await Promise.all(writes)
  return created
}

/**
 * The daily survey digest (institutions with `surveyDigest`): each member gets one notification
 * counting the surveys opened to them since the last digest, and the jobs are deleted.
 */
export async function surveyDigestCore(db: Firestore, now = Date.now()): Promise<{ institutions: number; notified: number }> {
  const jobs = await db.collectionGroup('notificationJobs').where('digest', '==', true).get()
  const byInst = new Map<string, typeof jobs.docs>()
  for (const d of jobs.docs) {
    const inst = d.ref.parent.parent!.id
    byInst.set(inst, [...(byInst.get(inst) ?? []), d])
  }
  const day = utcDay(now)
  let notified = 0
  const notes: Note[] = []
  for (const [inst, docs] of byInst) {
    const items = (await members(db, inst))
      .map((m) => ({ m, count: docs.filter((d) => d.get('byUid') !== m.uid && inAudience(m, d.get('audience'))).length }))
      .filter((x) => x.count > 0)
      .map(({ m, count }) => ({
        uid: m.uid,
        id: notificationId('survey.opened', 'digest', day),
        kind: 'survey.opened' as const,
        params: { count },
        link: '/surveys',
      }))
    const written = await createAll(db, items, now)
    notified += written.length
    notes.push(...written)
    await Promise.all(docs.map((d) => d.ref.delete()))
  }
  await pushNotes(db, notes, now)
  return { institutions: byInst.size, notified }
}

/**
 * Reminders two days before a survey closes, to members of its audience without a receipt. The
 * receipt is keyed by an HMAC of the member's uid (only the server can compute it); the reminder
 * goes only into the member's own tree, so nobody else learns who has answered.
 */
export async function surveyRemindersCore(db: Firestore, secret: string, now = Date.now()): Promise<{ surveys: number; reminded: number }> {
  const closesAt = addDays(utcDay(now), 2)
  const surveys = await db.collectionGroup('surveys').where('closesAt', '==', closesAt).get()
  let count = 0
  let reminded = 0
  const notes: Note[] = []
  for (const survey of surveys.docs) {
    if (survey.get('status') !== 'open' || survey.get('deleted') === true) continue
    const inst = survey.ref.parent.parent?.id
    if (!inst) continue
    count++
    const audience = (await members(db, inst)).filter((m) => inAudience(m, survey.get('audience')))
    const unanswered: Recipient[] = []
    for (let k = 0; k < audience.length; k += 300) {
      const slice = audience.slice(k, k + 300)
      const receipts = await db.getAll(
        ...slice.map((m) => survey.ref.collection('receipts').doc(keyedId(secret, 'receipt', inst, survey.id, m.uid))),
      )
      receipts.forEach((r, i) => !r.exists && unanswered.push(slice[i]!))
    }
    const title = String(survey.get('title') ?? '')
    const titleCy = survey.get('titleCy') as unknown
    const params = { title, ...(typeof titleCy === 'string' && titleCy ? { titleCy } : {}), closesAt }
    const written = await createAll(
      db,
      unanswered.map((m) => ({
        uid: m.uid,
        id: notificationId('survey.closing', survey.id),
        kind: 'survey.closing' as const,
        params,
        link: `/surveys/${survey.id}`,
      })),
      now,
    )
    reminded += written.length
    notes.push(...written)
  }
  await pushNotes(db, notes, now)
  return { surveys: count, reminded }
}

// ---------- held pushes, leftover jobs, purge ----------

/**
 * Every few minutes: pushes held for quiet hours that have ended (one push per person: the latest),
 * and survey jobs a failed delivery left behind.
 */
export async function sendHeldPushesCore(db: Firestore, now = Date.now()): Promise<{ sent: number; jobs: number }> {
  const leftover = await db.collectionGroup('notificationJobs').where('digest', '==', false).get()
  const notes: Note[] = []
  for (const job of leftover.docs) notes.push(...(await runSurveyJob(db, job.ref, now)))
  await pushNotes(db, notes, now)

  const held = await db.collectionGroup('heldPushes').get()
  const byUid = new Map<string, typeof held.docs>()
  for (const d of held.docs) {
    const uid = d.ref.parent.parent!.id
    byUid.set(uid, [...(byUid.get(uid) ?? []), d])
  }
  const config = pushConfig()
  let sent = 0
  for (const [uid, docs] of byUid) {
    const prefs = (await db.doc(`users/${uid}/notificationPrefs/${PREFS_ID}`).get()).data() as PrefsLike | undefined
    const latest = [...docs].sort((a, b) => Number(a.get('heldAt')) - Number(b.get('heldAt'))).at(-1)!
    const kind = latest.get('kind') as NotificationKind
    if (deliveryFor(prefs?.kinds ? prefs : null, kind, now) === 'push-later') continue // still quiet
    if (config && deliveryFor(prefs?.kinds ? prefs : null, kind, now) === 'push')
      sent += await pushTo(db, config, uid, { id: String(latest.get('id')), kind, link: String(latest.get('link')) })
    await Promise.all(docs.map((d) => d.ref.delete()))
  }
  return { sent, jobs: leftover.size }
}

/**
 * Daily: notifications older than 90 days become tombstones (so every device drops them on its next
 * pull; the tombstone purge removes them 30 days later).
 */
export async function purgeNotificationsCore(db: Firestore, now = Date.now()): Promise<{ purged: number }> {
  let purged = 0
  for (;;) {
    const old = await db
      .collectionGroup('notifications')
      .where('createdAt', '<', now - NOTIFICATION_TTL_MS)
      .limit(400)
      .get()
    if (old.empty) return { purged }
    const batch = db.batch()
    for (const d of old.docs)
      batch.set(d.ref, {
        id: d.id,
        deleted: true,
        updatedAt: FieldValue.serverTimestamp(),
        version: Number(d.get('version') ?? 0) + 1,
        lastMutationId: null,
      })
    await batch.commit()
    purged += old.size
    if (old.size < 400) return { purged }
  }
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let k = 0; k < items.length; k += size) await Promise.all(items.slice(k, k + size).map(work))
}
