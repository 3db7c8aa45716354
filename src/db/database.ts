/**
 * The device's source of truth: one Dexie database holding every synced collection, the outbox
 * of pending mutations, pull checkpoints and rejected changes.
 * Versions only ever get added; a migration test proves the outbox survives every upgrade.
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { CollectionName } from '@/domain/collections'
import type {
  ActionPlan, AssessmentSection, Comment, CpdEntry, Equality, Idea, Institution, Member, PlanAction, RagChange, Registration,
  SkillShareRequest, Survey, Vote,
} from '@/domain/entities'
import type { Checkpoint, Mutation, RejectionCode } from '@/domain/sync'

/** A pending mutation, in commit order. `seq` orders pushes; `attempts` drives backoff. */
export interface OutboxRow extends Mutation {
  seq?: number
  attempts: number
}

/** A change the server refused: kept and shown to its author until they dismiss or fix it. */
export interface Rejection {
  mutationId: string
  collection: CollectionName
  docId: string
  code: RejectionCode
  message: string
  field?: string
  at: number
  payload: Record<string, unknown>
}

export interface CheckpointRow extends Checkpoint {
  collection: CollectionName
  /** Wall-clock time of the last completed pull, for "last synced" and full-resync decisions. */
  pulledAt: number
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
}

export type HubDb = Dexie & DocTables & {
  outbox: EntityTable<OutboxRow, 'seq'>
  checkpoints: Table<CheckpointRow, CollectionName>
  rejections: Table<Rejection, string>
  meta: Table<MetaRow, string>
  drafts: Table<Draft, string>
  bases: Table<BaseRow, [CollectionName, string]>
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
}

export const DB_NAME = 'technician-hub'

/** Opens (or creates) the database with every schema version applied. */
export function createDb(name = DB_NAME, upTo = Number.POSITIVE_INFINITY): HubDb {
  const dexie = new Dexie(name) as HubDb
  for (const [version, stores] of Object.entries(SCHEMA_VERSIONS)) {
    if (Number(version) <= upTo) dexie.version(Number(version)).stores(stores)
  }
  return dexie
}

export const db: HubDb = createDb()
