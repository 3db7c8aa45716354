/**
 * Notifications in the transaction of the change that causes them (issue 15): the push callable
 * hands over its applied changes before it writes; this reads what the rules need (all reads come
 * before any write in a Firestore transaction), and returns the writes to add to the same commit
 * and the effects to carry out after it (pushes, a survey's fan-out to its audience).
 */
import { FieldValue, type DocumentReference, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { docPath, type Caller } from '@/domain/collections'
import type { ServerDoc } from '@/domain/merge'
import { modeFor, PREFS_ID, type NotificationKind, type PrefsLike } from '@/domain/notifications'
import { developmentProgress } from '@/domain/rules/cpd'
import { intentsFor, mayNotify, type Change, type Context, type Intent } from './plan'

/** What to do once the transaction has committed. */
export interface NotificationEffects {
  /** Notifications written: each may be pushed, per its recipient's preferences. */
  written: { uid: string; id: string; kind: NotificationKind; link: string }[]
  /** Survey fan-out jobs written (institutions/{inst}/notificationJobs/{id}). */
  jobs: string[]
}

export const emptyEffects = (): NotificationEffects => ({ written: [], jobs: [] })

/** A notification document as stored: the client's schema, server-stamped. */
export function notificationData(intent: Pick<Intent, 'id' | 'kind' | 'params' | 'link'>, now: number): Record<string, unknown> {
  return {
    id: intent.id,
    kind: intent.kind,
    params: intent.params,
    link: intent.link,
    createdAt: now,
    readAt: null,
    updatedAt: FieldValue.serverTimestamp(),
    version: 1,
    deleted: false,
    lastMutationId: null,
  }
}

export const notificationPath = (uid: string, id: string) => `users/${uid}/notifications/${id}`
export const jobsPath = (inst: string) => `institutions/${inst}/notificationJobs`

type Docs = Map<string, ServerDoc | null>

/**
 * Reads what the changes' notifications need, in `tx` (before any write); returns `write()`, which
 * adds the notifications (and survey jobs) to the transaction, and the effects for after the commit.
 */
export async function prepareNotifications(
  db: Firestore,
  tx: Transaction,
  caller: Caller,
  changes: readonly Change[],
  docs: Docs,
  now: number,
): Promise<{ write(): void; effects: NotificationEffects }> {
  const relevant = changes.filter((c) => mayNotify(c.collection) || c.collection === 'surveys')
  const effects = emptyEffects()
  if (relevant.length === 0) return { write: () => undefined, effects }
  const ids = { institutionId: caller.institutionId ?? '', uid: caller.uid }
  const read = async (path: string): Promise<ServerDoc | null> => {
    if (docs.has(path)) return docs.get(path) ?? null
    const snap = await tx.get(db.doc(path))
    const doc = snap.exists ? (snap.data() as ServerDoc) : null
    docs.set(path, doc)
    return doc
  }
  const live = (d: ServerDoc | null) => (d && !d.deleted ? d : null)

  const profile = live(await read(docPath('profiles', ids, caller.uid)))
  const actorName = typeof profile?.displayName === 'string' ? profile.displayName : ''
  const institution = caller.institutionId ? live(await read(docPath('institutions', ids, caller.institutionId))) : null

  const intents: Intent[] = []
  const jobs: { ref: DocumentReference; data: Record<string, unknown> }[] = []
  let cpdDone = false
  for (const change of relevant) {
    const context: Context = { actorName }
    if (change.collection === 'comments' && !change.before && caller.institutionId) {
      const thread = await tx.get(
        db.collection(`institutions/${caller.institutionId}/comments`).where('targetId', '==', change.after.targetId),
      )
      context.threadAuthors = thread.docs
        .filter((d) => d.id !== change.docId && d.get('deleted') !== true)
        .map((d) => d.get('authorUid') as unknown)
        .filter((u): u is string => typeof u === 'string')
    }
    if (change.collection === 'ragChanges' && !change.before && typeof change.after.actionId === 'string') {
      const action = live(await read(docPath('actions', ids, change.after.actionId)))
      // Only a member of this institution is told: an owner who left (or a uid from elsewhere) is not.
      const owner = typeof action?.ownerUid === 'string' ? action.ownerUid : undefined
      const member = owner ? live(await read(docPath('members', ids, owner))) : null
      context.action = action ? { code: String(action.code ?? ''), ownerUid: member ? owner : undefined } : null
    }
    if (change.collection === 'cpd' && !cpdDone) {
      cpdDone = true // one check covers every CPD change of the chunk
      context.cpdAllowanceMet = await allowanceMet(db, tx, caller.uid, institution, docs, now)
    }
    if (change.collection === 'surveys' && caller.institutionId) {
      const job = surveyJob(change, institution, caller, now)
      if (job) jobs.push({ ref: db.doc(`${jobsPath(caller.institutionId)}/${change.mutationId}`), data: job })
    }
    intents.push(...intentsFor(caller, change, context))
  }

  // A milestone is told once: skip one already written (marked done, undone, done again).
  const once = intents.filter((i) => i.once)
  const existing = new Set<string>()
  if (once.length > 0) {
    const snaps = await tx.getAll(...once.map((i) => db.doc(notificationPath(i.uid, i.id))))
    snaps.forEach((s, k) => s.exists && existing.add(`${once[k]!.uid}/${once[k]!.id}`))
  }
  // A kind a recipient turned off is not written at all.
  const prefs = await prefsOf(db, (refs) => tx.getAll(...refs), [...new Set(intents.map((i) => i.uid))])
  const unique = new Map<string, Intent>()
  for (const i of intents)
    if (!existing.has(`${i.uid}/${i.id}`) && modeFor(prefs.get(i.uid), i.kind) !== 'off') unique.set(`${i.uid}/${i.id}`, i)

  effects.written = [...unique.values()].map(({ uid, id, kind, link }) => ({ uid, id, kind, link }))
  effects.jobs = jobs.map((j) => j.ref.path)
  return {
    effects,
    write() {
      // fromUid: whose action it tells of, so deleting that account can withdraw it (it may carry their name).
      for (const i of unique.values()) tx.set(db.doc(notificationPath(i.uid, i.id)), { ...notificationData(i, now), fromUid: caller.uid })
      for (const j of jobs) tx.set(j.ref, j.data)
    },
  }
}

/** A survey opened now (created open, or moved to open): the job that tells its audience. */
function surveyJob(change: Change, institution: ServerDoc | null, caller: Caller, now: number): Record<string, unknown> | null {
  const { before, after } = change
  if (after.deleted === true || after.status !== 'open' || before?.status === 'open') return null
  return {
    kind: 'survey.opened',
    surveyId: change.docId,
    title: typeof after.title === 'string' ? after.title : '',
    ...(typeof after.titleCy === 'string' && after.titleCy ? { titleCy: after.titleCy } : {}),
    audience: after.audience ?? { facultyIds: [], roleFamilies: [] },
    digest: institution?.surveyDigest === true,
    byUid: caller.uid,
    createdAt: now,
  }
}

/**
 * Whether this commit's CPD changes take the member's development time for the current CPD year
 * from under the institution's allowance to meeting it; the stored entries are the state before.
 */
async function allowanceMet(
  db: Firestore,
  tx: Transaction,
  uid: string,
  institution: ServerDoc | null,
  docs: Docs,
  now: number,
): Promise<{ days: number; year: string } | null> {
  const allowanceDays = typeof institution?.developmentDaysPerYear === 'number' ? institution.developmentDaysPerYear : 0
  if (allowanceDays <= 0) return null
  const stored = await tx.get(db.collection(`users/${uid}/cpd`))
  const before = new Map(stored.docs.map((d) => [d.ref.path, d.data() as Entry]))
  const after = new Map(before)
  for (const [path, doc] of docs) if (path.startsWith(`users/${uid}/cpd/`) && doc) after.set(path, doc as unknown as Entry)
  const options = {
    now,
    allowanceDays,
    yearStartMonth: typeof institution?.cpdYearStartMonth === 'number' ? institution.cpdYearStartMonth : 1,
  }
  const was = developmentProgress([...before.values()], options)
  const is = developmentProgress([...after.values()], options)
  return was.days < allowanceDays && is.days >= allowanceDays ? { days: allowanceDays, year: is.year.start } : null
}

type Entry = Parameters<typeof developmentProgress>[0][number]

/** Members' notification preferences (absent: none saved), read with `getAll` (a transaction's, or the database's). */
export async function prefsOf(
  db: Firestore,
  getAll: (refs: DocumentReference[]) => Promise<DocumentSnapshot[]>,
  uids: readonly string[],
): Promise<Map<string, PrefsLike>> {
  const out = new Map<string, PrefsLike>()
  for (let k = 0; k < uids.length; k += 300) {
    const slice = uids.slice(k, k + 300)
    if (slice.length === 0) continue
    const snaps = await getAll(slice.map((uid) => db.doc(`users/${uid}/notificationPrefs/${PREFS_ID}`)))
    snaps.forEach((s, i) => {
      const data = s.data() as (PrefsLike & { deleted?: boolean }) | undefined
      if (s.exists && data?.kinds && data.deleted !== true) out.set(slice[i]!, data)
    })
  }
  return out
}
