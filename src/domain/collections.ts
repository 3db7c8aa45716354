/**
 * The registry of synced collections: where each lives in Firestore, which schema validates it,
 * how concurrent writes merge, and who may write it. Shared by the Dexie layer, the sync engine,
 * the push callable and the rules tests, so the three can never disagree.
 */
import type * as v from 'valibot'
import type { Role } from './common'
import {
  ActionFields,
  ActionSchema,
  AssessmentFields,
  AssessmentSchema,
  CommentFields,
  CommentSchema,
  CpdEntrySchema,
  CpdFields,
  EqualityFields,
  EqualitySchema,
  IdeaFields,
  IdeaSchema,
  InstitutionFields,
  InstitutionSchema,
  MemberFields,
  MemberSchema,
  PlanFields,
  PlanSchema,
  EvidenceFields,
  EvidenceSchema,
  RagChangeFields,
  RagChangeSchema,
  RegistrationFields,
  RegistrationSchema,
  SkillShareFields,
  SkillShareSchema,
  SurveyFields,
  SurveySchema,
  VoteFields,
  VoteSchema,
} from './entities'
import { NotificationFields, NotificationPrefsFields, NotificationPrefsSchema, NotificationSchema, PREFS_ID } from './notifications'

export const COLLECTION_NAMES = [
  'institutions',
  'profiles',
  'members',
  'equality',
  'cpd',
  'registrations',
  'plans',
  'actions',
  'ragChanges',
  'ideas',
  'comments',
  'votes',
  'surveys',
  'requests',
  'assessments',
  'evidence',
  'notifications',
  'notificationPrefs',
] as const
export type CollectionName = (typeof COLLECTION_NAMES)[number]

/**
 * - `lww`: field-level last-writer-wins (a patch touches only its fields; later clientTime wins per field).
 * - `append-only`: created once, never changed (RAG history); a repeated create is a no-op.
 * - `one-per-member`: the doc id encodes the member (votes); put creates, delete withdraws.
 */
export type MergeRule = 'lww' | 'append-only' | 'one-per-member'
/** `institution`: institutions/{inst}/{col}/{id}; `user`: users/{uid}/{col}/{id}; `root`: institutions/{id}. */
export type Scope = 'root' | 'institution' | 'user'

/** Who is asking, from verified auth claims. */
export interface Caller {
  uid: string
  institutionId: string | null
  role: Role | null
}

export interface CollectionDef {
  name: CollectionName
  scope: Scope
  /** The full document schema (fields + sync metadata). */
  schema: v.GenericSchema
  /** Editable field names (what a patch may touch). */
  fields: readonly string[]
  merge: MergeRule
  /** Pure authorisation: may `caller` apply this op to this doc (existing is null on create)? */
  canWrite(
    caller: Caller,
    op: 'create' | 'update' | 'delete',
    next: Record<string, unknown> | null,
    existing: Record<string, unknown> | null,
    docId: string,
  ): boolean
  /** Fields a non-manager may not change on update (e.g. the status of an idea). */
  lockedFields?: readonly string[]
  /**
   * Fields no client may change once the document exists, managers included: they belong to the
   * server or to a callable (a profile's role, an institution's email domains).
   */
  fixedFields?: readonly string[]
  /**
   * Fields the server stamps (see `serverStamp` in merge.ts: the author's name from their
   * profile, server time, the caller's uid); a payload's value for them is ignored.
   */
  serverFields?: readonly string[]
  /**
   * Fields only the member named in `by` may change (the learner's message on a request, the
   * teacher's confirmation that a session took place).
   */
  partyFields?: readonly { by: string; fields: readonly string[] }[]
  /**
   * A collection only some members may read: the server keeps this array field of uids on every
   * document (tombstones included), the rules allow a read only to a uid in it, and a pull asks
   * only for documents where it `array-contains` the caller (rules are not filters).
   */
  readersField?: 'parties'
}

const isManager = (c: Caller) => c.role === 'lead' || c.role === 'admin'
const isOrganiser = (c: Caller) => isManager(c) || c.role === 'champion'
const member = (c: Caller) => c.institutionId !== null && c.role !== null
const owns = (c: Caller, field: string, doc: Record<string, unknown> | null) => doc !== null && doc[field] === c.uid

function def(d: CollectionDef): CollectionDef {
  return d
}

export const COLLECTIONS: Record<CollectionName, CollectionDef> = {
  institutions: def({
    name: 'institutions',
    scope: 'root',
    schema: InstitutionSchema,
    fields: Object.keys(InstitutionFields),
    merge: 'lww',
    canWrite: (c, op, _n, _e, id) => op === 'update' && isManager(c) && c.institutionId === id,
    // A domain decides who joins: only a platform admin sets them (setInstitutionDomains).
    fixedFields: ['emailDomains'],
  }),
  profiles: def({
    // The member's full profile (incl. private fields), in their own tree: users/{uid}/profiles/{uid}.
    name: 'profiles',
    scope: 'user',
    schema: MemberSchema,
    fields: Object.keys(MemberFields),
    merge: 'lww',
    // Created by joinInstitution; the owner edits it; account deletion goes through a callable.
    canWrite: (c, op, _n, _e, id) => id === c.uid && op === 'update',
    // Role and institution change only through callables (a lead's own profile included).
    // Endorsement counts come only from the endorseSkill callable.
    fixedFields: ['role', 'institutionId', 'email', 'joinedAt', 'endorsements'],
  }),
  members: def({
    // The directory projection of a profile, written only by the server when a profile changes:
    // private fields stripped, and a tombstone when the member hides, so every client drops a
    // hidden profile on its next pull (a query filter alone could never tell them).
    name: 'members',
    scope: 'institution',
    schema: MemberSchema,
    fields: Object.keys(MemberFields),
    merge: 'lww',
    canWrite: () => false,
  }),
  equality: def({
    name: 'equality',
    scope: 'user',
    schema: EqualitySchema,
    fields: Object.keys(EqualityFields),
    merge: 'lww',
    canWrite: (c, _op, _n, _e, id) => id === c.uid,
  }),
  cpd: def({
    name: 'cpd',
    scope: 'user',
    schema: CpdEntrySchema,
    fields: Object.keys(CpdFields),
    merge: 'lww',
    canWrite: () => true, // user scope: the path is the caller's own tree
  }),
  registrations: def({
    name: 'registrations',
    scope: 'user',
    schema: RegistrationSchema,
    fields: Object.keys(RegistrationFields),
    merge: 'lww',
    canWrite: () => true,
  }),
  plans: def({
    name: 'plans',
    scope: 'institution',
    schema: PlanSchema,
    fields: Object.keys(PlanFields),
    merge: 'lww',
    canWrite: (c) => isManager(c),
  }),
  actions: def({
    name: 'actions',
    scope: 'institution',
    schema: ActionSchema,
    fields: Object.keys(ActionFields),
    merge: 'lww',
    canWrite: (c) => isManager(c),
  }),
  ragChanges: def({
    name: 'ragChanges',
    scope: 'institution',
    schema: RagChangeSchema,
    fields: Object.keys(RagChangeFields),
    merge: 'append-only',
    canWrite: (c, op, n) => isManager(c) && op === 'create' && n?.byUid === c.uid,
  }),
  ideas: def({
    name: 'ideas',
    scope: 'institution',
    schema: IdeaSchema,
    fields: Object.keys(IdeaFields),
    merge: 'lww',
    canWrite: (c, op, n, e) => {
      if (!member(c)) return false
      // A technician's new idea starts open and bare: only leads respond, adopt or link it to a survey.
      if (op === 'create')
        return (
          n?.authorUid === c.uid &&
          (isManager(c) ||
            (n?.status === 'open' &&
              n.response === undefined &&
              n.responseCy === undefined &&
              n.adoptedActionId === undefined &&
              n.surveyId === undefined))
        )
      return isManager(c) || owns(c, 'authorUid', e)
    },
    // Only leads adopt, decline or respond; the words are the author's (a lead cannot rewrite them).
    lockedFields: ['status', 'response', 'responseCy', 'adoptedActionId', 'surveyId'],
    fixedFields: ['authorUid'],
    serverFields: ['createdAt'],
    partyFields: [{ by: 'authorUid', fields: ['title', 'body', 'actionId', 'theme'] }],
  }),
  comments: def({
    name: 'comments',
    scope: 'institution',
    schema: CommentSchema,
    fields: Object.keys(CommentFields),
    merge: 'append-only',
    canWrite: (c, op, n, e) =>
      member(c) && (op === 'create' ? n?.authorUid === c.uid : op === 'delete' && (owns(c, 'authorUid', e) || isManager(c))),
    serverFields: ['authorName', 'createdAt'],
  }),
  votes: def({
    name: 'votes',
    scope: 'institution',
    schema: VoteSchema,
    fields: Object.keys(VoteFields),
    merge: 'one-per-member',
    canWrite: (c, op, n, e, id) =>
      member(c) && id.endsWith(`__${c.uid}`) && (op === 'delete' ? owns(c, 'voterUid', e) : n?.voterUid === c.uid && op === 'create'),
    serverFields: ['createdAt'],
  }),
  surveys: def({
    name: 'surveys',
    scope: 'institution',
    schema: SurveySchema,
    fields: Object.keys(SurveyFields),
    merge: 'lww',
    canWrite: (c) => isOrganiser(c),
    serverFields: ['createdByUid'],
  }),
  requests: def({
    name: 'requests',
    scope: 'institution',
    schema: SkillShareSchema,
    fields: Object.keys(SkillShareFields),
    merge: 'lww',
    canWrite: (c, op, n, e) => {
      if (!member(c)) return false
      if (op === 'create') return n?.learnerUid === c.uid && n?.state === 'pending'
      // The two parties are fixed for good (leads included): they are who may read it.
      if (op === 'update' && (n?.learnerUid !== e?.learnerUid || n?.teacherUid !== e?.teacherUid)) return false
      return owns(c, 'learnerUid', e) || owns(c, 'teacherUid', e)
    },
    // endorsedAt: set once by the endorseSkill callable, never through sync.
    fixedFields: ['learnerUid', 'teacherUid', 'skillId', 'endorsedAt'],
    // What the learner asked for is theirs; the teacher answers by moving the state. Each confirms
    // for themselves that a completed session took place (what marks the other's CPD as verified).
    partyFields: [
      { by: 'learnerUid', fields: ['skillName', 'message', 'format', 'learnerConfirmedAt'] },
      { by: 'teacherUid', fields: ['teacherConfirmedAt'] },
    ],
    // Personal messages between a learner and a teacher: readable by those two only, not by leads.
    readersField: 'parties',
  }),
  assessments: def({
    // Lead-written narrative sections of the self-assessment; every member may read them.
    name: 'assessments',
    scope: 'institution',
    schema: AssessmentSchema,
    fields: Object.keys(AssessmentFields),
    merge: 'lww',
    canWrite: (c) => isManager(c),
    serverFields: ['updatedByUid'],
  }),
  evidence: def({
    // CPD evidence file descriptions, written only by the evidence callables once a file's chunks
    // are all stored (users/{uid}/evidence/{id}, bytes in its chunks subcollection); clients pull them.
    name: 'evidence',
    scope: 'user',
    schema: EvidenceSchema,
    fields: Object.keys(EvidenceFields),
    merge: 'lww',
    canWrite: () => false,
  }),
  notifications: def({
    // Written only by the server, in the transaction of the change that causes one; the owner
    // (user scope: the path is the caller's own tree) may only mark one read or unread.
    name: 'notifications',
    scope: 'user',
    schema: NotificationSchema,
    fields: Object.keys(NotificationFields),
    merge: 'lww',
    canWrite: (_c, op) => op === 'update',
    fixedFields: ['kind', 'params', 'link', 'createdAt'],
  }),
  notificationPrefs: def({
    // How the member hears of each kind, quiet hours: one document, `prefs`.
    name: 'notificationPrefs',
    scope: 'user',
    schema: NotificationPrefsSchema,
    fields: Object.keys(NotificationPrefsFields),
    merge: 'lww',
    canWrite: (_c, op, _n, _e, id) => id === PREFS_ID && op !== 'delete',
  }),
}

/**
 * Who may read a document of a collection with a `readersField` (for requests: the learner and
 * the teacher), derived from its fields; null for other collections.
 */
export function readersOf(col: CollectionName, doc: Record<string, unknown>): string[] | null {
  if (!COLLECTIONS[col].readersField) return null
  const uids = [doc.learnerUid, doc.teacherUid].filter((u): u is string => typeof u === 'string' && u !== '')
  return [...new Set(uids)]
}

/** Profile fields that never leave the owner's tree (not in the directory projection). */
export const PRIVATE_PROFILE_FIELDS = ['gradeBand', 'contract', 'locale'] as const

/** The directory projection of a profile: null when the member is hidden (written as a tombstone). */
export function directoryProjection<T extends { visibility: string }>(profile: T): Omit<T, (typeof PRIVATE_PROFILE_FIELDS)[number]> | null {
  if (profile.visibility !== 'institution') return null
  const copy: Record<string, unknown> = { ...profile }
  for (const f of PRIVATE_PROFILE_FIELDS) delete copy[f]
  return copy as Omit<T, (typeof PRIVATE_PROFILE_FIELDS)[number]>
}

/** Firestore path of a document, given the caller's ids. */
export function docPath(col: CollectionName, ids: { institutionId: string; uid: string }, docId: string): string {
  const d = COLLECTIONS[col]
  if (d.scope === 'root') return `institutions/${docId}`
  if (d.scope === 'user') return `users/${ids.uid}/${col}/${docId}`
  return `institutions/${ids.institutionId}/${col}/${docId}`
}

/** Firestore path of a collection to pull from. */
export function collectionPath(col: CollectionName, ids: { institutionId: string; uid: string }): string {
  const d = COLLECTIONS[col]
  if (d.scope === 'root') return 'institutions'
  if (d.scope === 'user') return `users/${ids.uid}/${col}`
  return `institutions/${ids.institutionId}/${col}`
}
