/**
 * Which notifications a synced change causes (issue 15), as pure rules over the document before
 * and after the change: who is told, of what kind, with which parameters and link. The push
 * callable applies them in the transaction of the change (./store.ts); what needs more data than
 * the two documents (a comment thread's earlier authors, an action's owner, a year of CPD) is
 * read there and handed in as `context`.
 */
import type { Caller, CollectionName } from '@/domain/collections'
import { REGISTRATION_STEPS } from '@/domain/entities'
import { notificationId, type NotificationKind, type NotificationParams } from '@/domain/notifications'

/** One notification to write: `id` is stable for its cause, so the same change never notifies twice. */
export interface Intent {
  uid: string
  id: string
  kind: NotificationKind
  params: NotificationParams
  link: string
  /**
   * Written only if no notification with this id exists yet (milestones: a step marked done,
   * undone and done again is one milestone).
   */
  once?: boolean
}

type Doc = Record<string, unknown>

/** One applied mutation as the rules see it. */
export interface Change {
  collection: CollectionName
  docId: string
  mutationId: string
  /** The live document before (null: created now, or brought back from a tombstone). */
  before: Doc | null
  /** The document written (a tombstone for a delete). */
  after: Doc
}

/** What the store read for the rules. */
export interface Context {
  /** The caller's display name (from their profile). */
  actorName: string
  /** For a comment: every earlier live comment's author on its target. */
  threadAuthors?: readonly string[]
  /** For a RAG change: the action's code and owner. */
  action?: { code: string; ownerUid?: string } | null
  /** For CPD: the development allowance met by this change (days, CPD year start), or null. */
  cpdAllowanceMet?: { days: number; year: string } | null
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '')

/**
 * The notifications one applied change causes. Others are told of what the caller did (never the
 * caller themself); milestones are the caller's own.
 */
export function intentsFor(caller: Caller, change: Change, context: Context): Intent[] {
  const { before, after } = change
  if (after.deleted === true) return []
  const toOthers = RULES[change.collection]?.(caller, change, before, after, context) ?? []
  const own = OWN_RULES[change.collection]?.(caller, change, before, after, context) ?? []
  return [...toOthers.filter((i) => i.uid !== '' && i.uid !== caller.uid), ...own]
}

type Rule = (caller: Caller, change: Change, before: Doc | null, after: Doc, context: Context) => Intent[]

const RULES: Partial<Record<CollectionName, Rule>> = {
  requests: (caller, { docId, mutationId }, before, after, { actorName }) => {
    const params = { skill: str(after.skillName), name: actorName }
    const learner = str(after.learnerUid)
    const teacher = str(after.teacherUid)
    const state = str(after.state)
    if (!before || before.state === undefined) {
      return state === 'pending' ? [intent(teacher, 'request.received', params, '/requests', docId)] : []
    }
    if (before.state === state) return []
    if (state === 'accepted' || state === 'declined') return [intent(learner, `request.${state}`, params, '/requests', docId, mutationId)]
    if (state === 'completed') {
      const other = caller.uid === learner ? teacher : learner
      return [intent(other, 'request.completed', params, '/requests', docId)]
    }
    return []
  },
  ideas: (_caller, { docId, mutationId }, before, after) => {
    if (!before) return []
    const answered =
      before.status !== after.status ||
      (before.response ?? '') !== (after.response ?? '') ||
      (before.responseCy ?? '') !== (after.responseCy ?? '')
    if (!answered || (after.status === 'open' && !after.response && !after.responseCy)) return []
    return [
      intent(str(after.authorUid), 'idea.responded', { title: str(after.title), status: str(after.status) }, '/ideas', docId, mutationId),
    ]
  },
  comments: (_caller, { docId }, before, after, { threadAuthors = [] }) => {
    if (before) return []
    const targetType = str(after.targetType)
    const link = targetType === 'action' ? `/plan/${str(after.targetId)}` : '/ideas'
    const params = { name: str(after.authorName), targetType }
    return [...new Set(threadAuthors)].map((uid) => ({
      ...intent(uid, 'comment.reply', params, link, docId),
      id: notificationId('comment.reply', docId, uid),
    }))
  },
  ragChanges: (_caller, { docId }, before, after, { action }) => {
    if (before || !action?.ownerUid) return []
    return [intent(action.ownerUid, 'action.rag', { code: action.code, status: str(after.status) }, `/plan/${str(after.actionId)}`, docId)]
  },
}

const OWN_RULES: Partial<Record<CollectionName, Rule>> = {
  registrations: (caller, { docId }, before, after) => {
    const was = (before?.steps ?? {}) as Record<string, unknown>
    const now = (after.steps ?? {}) as Record<string, unknown>
    return REGISTRATION_STEPS.filter((step) => now[step] === 'done' && was[step] !== 'done').map((step) => ({
      ...intent(caller.uid, 'registration.milestone', { target: str(after.target), step }, `/registration/${docId}`, docId, step),
      once: true,
    }))
  },
  cpd: (caller, _change, _before, _after, { cpdAllowanceMet }) =>
    cpdAllowanceMet ? [{ ...intent(caller.uid, 'cpd.milestone', cpdAllowanceMet, '/cpd', cpdAllowanceMet.year), once: true }] : [],
}

function intent(uid: string, kind: NotificationKind, params: NotificationParams, link: string, ...sources: string[]): Intent {
  const clean = Object.fromEntries(Object.entries(params).filter(([, x]) => x !== '')) as NotificationParams
  return { uid, id: notificationId(kind, ...sources), kind, params: clean, link }
}

/** Whether a change to this collection may cause a notification (the store reads context only then). */
export function mayNotify(collection: CollectionName): boolean {
  return collection in RULES || collection in OWN_RULES
}
