/**
 * The device's source of truth: one Dexie database holding every synced collection, the outbox
 * of pending mutations, pull checkpoints and rejected changes.
 * Versions only ever get added; a migration test proves the outbox survives every upgrade.
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { CollectionName } from '@/domain/collections'
import type {
  ActionPlan,
  AssessmentSection,
  Comment,
  CpdEntry,
  Equality,
  Idea,
  Institution,
  Member,
  PlanAction,
  RagChange,
  Registration,
  SkillShareRequest,
  Survey,
  Vote,
} from '@/domain/entities'
import type { Checkpoint, Mutation, OverriddenBy, RejectionCode } from '@/domain/sync'
import type { Evidence, EvidenceContentType } from '@/domain/entities'
import type { Notification, NotificationPrefs } from '@/domain/notifications'

/** A pending mutation, in commit order. `seq` orders pushes; `attempts` drives backoff. */
export interface OutboxRow extends Mutation {
  seq?: number
  attempts: number
}

/**
 * A change the server refused, or that lost a merge to a newer change (`overridden`): kept and
 * shown to its author until they dismiss or fix it.
 */
export interface Rejection {
  mutationId: string
  collection: CollectionName
  docId: string
  code: RejectionCode | 'overridden'
  message: string
  /** Overridden: the fields that lost, and who made the newer change. */
  fields?: string[]
  by?: OverriddenBy
  field?: string
  at: number
  payload: Record<string, unknown>
}

export interface CheckpointRow extends Checkpoint {
  collection: CollectionName
  /** Wall-clock time of the last completed pull, for "last synced" and full-resync decisions. */
  pulledAt: number
  /**
   * The readers filter of the last completed full pull (see `readersField` in the registry). A
   * checkpoint made without the collection's current filter forces one full pull, which drops
   * documents this member may no longer read (requests pulled when the whole institution could).
   */
  filter?: string
}

export interface MetaRow {
  key: string
  value: unknown
}

export interface BaseRow {
  collection: CollectionName
  id: string
  doc: Record<string, unknown>
}

export interface Draft {
  key: string
  value: Record<string, unknown>
  savedAt: number
}

/**
 * An answer to a survey, queued on this phone for the `submitSurveyResponse` callable (never the
 * generic outbox: answers must not carry the author's id through a synced document). One row per
 * survey: `queued` until the server has it, then `sent`; `refused` keeps the answers and the reason.
 */
export interface SurveySubmissionRow {
  surveyId: string
  /** This phone's local id of the current answer (a new one per edit); never sent. */
  submissionId: string
  /**
   * The phone's random secret for its answer to this survey, kept across edits and sent with every
   * attempt: the server recognises a retry or an edit by it and stores only two unrelated hashes.
   * Rows queued before it existed have none and are sent with a fresh one.
   */
  token?: string
  /** Whether the survey was shown as anonymous when answered: the server refuses a mismatch. */
  anonymous?: boolean
  answers: Record<string, string | number | string[]>
  state: 'queued' | 'sent' | 'refused'
  queuedAt: number
  attempts: number
  sentAt?: number
  /** The day the server recorded (no finer time exists server-side). */
  day?: string
  outcome?: 'submitted' | 'replaced'
  error?: { code: string; message: string; field?: string }
}

/**
 * A CPD evidence file kept on this device until the server has it: the local blob queue behind the
 * BlobStore port (src/blob). `draft`: attached to an entry not saved yet; `pending` → `uploading` →
 * `uploaded`; `failed` is retried with backoff; `refused` will never be taken (reason kept, shown);
 * `deleting`: its removal from the server is queued.
 */
export interface EvidenceBlobRow {
  id: string
  cpdId: string | null
  /** Attached directly to a registration's competence (no CPD entry). */
  registrationId?: string | null
  competenceId?: string | null
  /** The unsaved entry's draft key while `draft`. */
  draftKey: string | null
  name: string
  contentType: EvidenceContentType
  size: number
  sha256: string
  /** The file; null once only a removal is queued. */
  bytes: Uint8Array | null
  state: 'draft' | 'pending' | 'uploading' | 'uploaded' | 'failed' | 'refused' | 'deleting'
  attempts: number
  createdAt: number
  /** Not retried before this time (ms). */
  nextAttemptAt: number
  uploadedAt?: number
  lastError?: string
}

export type DocTables = {
  institutions: Table<Institution, string>
  profiles: Table<Member, string>
  members: Table<Member, string>
  equality: Table<Equality, string>
  cpd: Table<CpdEntry, string>
  registrations: Table<Registration, string>
  plans: Table<ActionPlan, string>
  actions: Table<PlanAction, string>
  ragChanges: Table<RagChange, string>
  ideas: Table<Idea, string>
  comments: Table<Comment, string>
  votes: Table<Vote, string>
  surveys: Table<Survey, string>
  requests: Table<SkillShareRequest, string>
  assessments: Table<AssessmentSection, string>
  evidence: Table<Evidence, string>
  notifications: Table<Notification, string>
  notificationPrefs: Table<NotificationPrefs, string>
}

export type HubDb = Dexie &
  DocTables & {
    outbox: EntityTable<OutboxRow, 'seq'>
    checkpoints: Table<CheckpointRow, CollectionName>
    rejections: Table<Rejection, string>
    meta: Table<MetaRow, string>
    drafts: Table<Draft, string>
    bases: Table<BaseRow, [CollectionName, string]>
    surveySubmissions: Table<SurveySubmissionRow, string>
    evidenceBlobs: Table<EvidenceBlobRow, string>
  }

/** Schema history. Each entry is a Dexie version; never edit a shipped one, add a new one. */
export const SCHEMA_VERSIONS: Record<number, Record<string, string | null>> = {
  1: {
    institutions: 'id, updatedAt',
    profiles: 'id, updatedAt',
    members: 'id, updatedAt, displayName, facultyId, roleFamily',
    equality: 'id, updatedAt',
    cpd: 'id, updatedAt, startDate, type',
    registrations: 'id, updatedAt, target',
    plans: 'id, updatedAt, status',
    actions: 'id, updatedAt, planId, code',
    ragChanges: 'id, updatedAt, actionId',
    ideas: 'id, updatedAt, actionId, status',
    comments: 'id, updatedAt, targetId',
    votes: 'id, updatedAt, ideaId',
    surveys: 'id, updatedAt, status',
    requests: 'id, updatedAt, learnerUid, teacherUid, state',
    outbox: '++seq, &mutationId, [collection+docId]',
    checkpoints: 'collection',
    rejections: 'mutationId, docId',
    meta: 'key',
  },
  2: {
    // Compound indexes the plan, CPD timeline and comment threads sort by; drafts for autosave.
    actions: 'id, updatedAt, planId, code, [planId+code]',
    ragChanges: 'id, updatedAt, actionId, [actionId+at]',
    comments: 'id, updatedAt, targetId, [targetId+createdAt]',
    votes: 'id, updatedAt, ideaId, [ideaId+voterUid]',
    members: 'id, updatedAt, displayName, facultyId, roleFamily, visibility',
    drafts: 'key, savedAt',
    // The last server copy of a document that has pending local mutations, so a pull or a
    // rejection can rebuild the local view as server state + pending mutations (rebase).
    bases: '[collection+id]',
  },
  4: {
    // Self-assessment narratives by plan; ideas and comments by author ("my ideas", status notices).
    assessments: 'id, updatedAt, planId',
    ideas: 'id, updatedAt, actionId, status, authorUid',
    comments: 'id, updatedAt, targetId, [targetId+createdAt], authorUid',
  },
  5: {
    // Survey answers waiting for (or sent through) the submitSurveyResponse callable.
    surveySubmissions: 'surveyId, state',
  },
  6: {
    // CPD evidence: descriptions of uploaded files (synced), and files waiting on this device.
    evidence: 'id, updatedAt, cpdId',
    evidenceBlobs: 'id, state, cpdId, draftKey',
  },
  7: {
    // Notifications (server-written, newest first by createdAt) and the member's notification preferences.
    notifications: 'id, updatedAt, createdAt, kind',
    notificationPrefs: 'id, updatedAt',
  },
}

export const DB_NAME = 'technician-hub'

/**
 * Opens (or creates) the database at the newest version up to `upTo`, declared once with the
 * schema the history adds up to. Dexie (since 3.0) upgrades any older installed version to it and
 * needs the older declarations only for an `.upgrade()` function, which none has; declaring each of
 * them made Dexie rebuild its table classes once per version, on the way to every page's first data.
 */
export function createDb(name = DB_NAME, upTo = Number.POSITIVE_INFINITY): HubDb {
  const versions = Object.keys(SCHEMA_VERSIONS)
    .map(Number)
    .filter((v) => v <= upTo)
    .sort((a, b) => a - b)
  const stores: Record<string, string | null> = {}
  for (const v of versions) Object.assign(stores, SCHEMA_VERSIONS[v])
  const dexie = new Dexie(name) as HubDb
  dexie.version(Math.max(...versions)).stores(stores)
  return dexie
}

export const db: HubDb = createDb()
