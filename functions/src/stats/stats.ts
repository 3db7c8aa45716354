/**
 * institutionStats: the leads' dashboard figures that need private data (contracts, equality
 * answers, CPD and registration records live in each member's own tree, which no one else can
 * read). Only the institution's leads and admins may call it, and it returns suppressed counts
 * only (see ./aggregate.ts): no uid, name or single record ever leaves the server.
 */
import * as v from 'valibot'
import type { DocumentReference, Firestore } from 'firebase-admin/firestore'
import type { Caller } from '@/domain/collections'
import { cpdYear } from '@/domain/rules/cpd'
import { isoDateOf } from '@/domain/rules/dates'
import { isPlainObject, typedError } from '../errors'
import { firstIssue } from '../push/validate'
import { institutionProfiles } from '../surveys/submit'
import {
  aggregateInstitutionStats,
  type EqualityInput,
  type InstitutionStatsResult,
  type ProfileInput,
  type RegistrationInput,
  type SurveyInput,
} from './aggregate'
import { countersFor } from '../aggregates/store'
import { institutionStatsFrom, type SurveyMeta } from '../aggregates/model'

export const StatsInputSchema = v.strictObject({})

const MANAGERS = new Set(['lead', 'admin'])
/** Reads per member run this many at a time. */
const CONCURRENCY = 25

/** The caller's institution, once they are a lead or admin and sent `{}`. */
function institutionOf(caller: Caller, data: unknown): string {
  if (!caller.institutionId || !caller.role || !MANAGERS.has(caller.role)) {
    throw typedError('forbidden', 'Only the institution’s leads can see its statistics')
  }
  if (!isPlainObject(data ?? {})) throw typedError('invalid', 'Send an empty object')
  const parsed = v.safeParse(StatsInputSchema, data ?? {})
  if (!parsed.success) throw typedError('invalid', firstIssue(parsed.issues).message)
  return caller.institutionId
}

/**
 * The dashboard from the institution's kept counters (functions/src/aggregates): a constant number
 * of reads (the institution, its surveys, the counter shards) whatever the number of members;
 * suppressed here, as it is served.
 */
export async function institutionStatsCore(
  db: Firestore,
  caller: Caller,
  data: unknown,
  now = Date.now(),
): Promise<InstitutionStatsResult> {
  const inst = institutionOf(caller, data)
  const [institution, surveySnap, counters] = await Promise.all([
    db.doc(`institutions/${inst}`).get(),
    db
      .collection(`institutions/${inst}/surveys`)
      .where('deleted', '==', false)
      .select('title', 'status', 'opensAt', 'closesAt', 'audience')
      .get(),
    countersFor(db, inst, now),
  ])
  const surveys: SurveyMeta[] = surveySnap.docs
    .filter((d) => d.get('status') !== 'draft')
    .map((d) => ({
      id: d.id,
      title: String(d.get('title') ?? ''),
      status: String(d.get('status') ?? ''),
      opensAt: String(d.get('opensAt') ?? ''),
      closesAt: String(d.get('closesAt') ?? ''),
      audience: d.get('audience') as unknown,
    }))
  return institutionStatsFrom(counters, { now, cpdYearStartMonth: numberOr(institution.get('cpdYearStartMonth'), 1), surveys })
}

/** The same figures from a full scan of every member's documents: the bench's baseline. */
export async function institutionStatsScan(
  db: Firestore,
  caller: Caller,
  data: unknown,
  now = Date.now(),
): Promise<InstitutionStatsResult> {
  const inst = institutionOf(caller, data)

  const [institution, profileSnap, surveySnap] = await Promise.all([
    db.doc(`institutions/${inst}`).get(),
    institutionProfiles(db, inst).select('facultyId', 'roleFamily', 'contract', 'site', 'joinedAt').get(),
    db.collection(`institutions/${inst}/surveys`).where('deleted', '==', false).get(),
  ])
  const startMonth = numberOr(institution.get('cpdYearStartMonth'), 1)
  const year = cpdYear(isoDateOf(now), startMonth)
  const profiles: ProfileInput[] = profileSnap.docs.map((d) => ({
    uid: d.ref.parent.parent?.id ?? d.id,
    facultyId: stringOr(d.get('facultyId')),
    roleFamily: stringOr(d.get('roleFamily')),
    contract: stringOr(d.get('contract')),
    site: stringOr(d.get('site')),
    joinedAt: numberOr(d.get('joinedAt'), 0),
  }))
  const uids = profiles.map((p) => p.uid)

  const equality = new Map<string, EqualityInput>()
  const registrations = new Map<string, RegistrationInput[]>()
  const cpdParticipants = new Set<string>()
  await inBatches(uids, async (uid) => {
    const [eq, regs, cpd] = await Promise.all([
      db.doc(`users/${uid}/equality/${uid}`).get(),
      db.collection(`users/${uid}/registrations`).where('deleted', '==', false).select('target', 'steps').get(),
      db.collection(`users/${uid}/cpd`).where('startDate', '>=', year.start).where('startDate', '<=', year.end).select().limit(1).get(),
    ])
    if (eq.exists && eq.get('deleted') !== true) {
      equality.set(uid, {
        gender: stringOr(eq.get('gender')),
        ethnicity: stringOr(eq.get('ethnicity')),
        ageBand: stringOr(eq.get('ageBand')),
        disability: stringOr(eq.get('disability')),
      })
    }
    const mine = regs.docs.map((d) => ({ target: String(d.get('target')), outcomeDone: d.get('steps.outcome') === 'done' }))
    if (mine.length > 0) registrations.set(uid, mine)
    if (!cpd.empty) cpdParticipants.add(uid)
  })

  const surveys: SurveyInput[] = await Promise.all(
    surveySnap.docs
      .filter((d) => d.get('status') !== 'draft')
      .map(async (d) => ({
        id: d.id,
        title: String(d.get('title') ?? ''),
        status: String(d.get('status') ?? ''),
        opensAt: String(d.get('opensAt') ?? ''),
        closesAt: String(d.get('closesAt') ?? ''),
        responses: await countOf(d.ref.collection('responses')),
        audience: audienceSize(
          profileSnap.docs.map((p) => ({ facultyId: stringOr(p.get('facultyId')), roleFamily: stringOr(p.get('roleFamily')) })),
          d.get('audience'),
        ),
      })),
  )

  return aggregateInstitutionStats({ now, cpdYearStartMonth: startMonth, profiles, equality, registrations, cpdParticipants, surveys })
}

async function countOf(ref: ReturnType<DocumentReference['collection']>): Promise<number> {
  return (await ref.count().get()).data().count
}

/** Members a survey was addressed to (everyone when its audience lists no faculty or role). */
export function audienceSize(members: readonly { facultyId?: string; roleFamily?: string }[], audience: unknown): number {
  const a = (isPlainObject(audience) ? audience : {}) as { facultyIds?: unknown; roleFamilies?: unknown }
  const faculties = Array.isArray(a.facultyIds) ? (a.facultyIds as unknown[]) : []
  const roles = Array.isArray(a.roleFamilies) ? (a.roleFamilies as unknown[]) : []
  return members.filter(
    (m) => (faculties.length === 0 || faculties.includes(m.facultyId)) && (roles.length === 0 || roles.includes(m.roleFamily)),
  ).length
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let k = 0; k < items.length; k += CONCURRENCY) await Promise.all(items.slice(k, k + CONCURRENCY).map(work))
}

const stringOr = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x : undefined)
const numberOr = (x: unknown, fallback: number): number => (typeof x === 'number' && Number.isFinite(x) ? x : fallback)
