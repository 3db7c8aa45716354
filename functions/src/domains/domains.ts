/**
 * Who owns an email domain. `emailDomains/{domain}` → `{ institutionId }` is the registry
 * joinInstitution resolves sign-ups through; no client reads or writes it (firestore.rules). A
 * domain belongs to at most one institution: the registry and the institution's `emailDomains`
 * change together in one transaction, only through `setInstitutionDomains` (a platform admin:
 * custom claim `platformAdmin: true`) or the admin script (scripts/set-domains.ts), and every
 * change is recorded (who, when, from, to) in the server-only `domainChanges` collection and as
 * `domainsChangedBy` / `domainsChangedAt` on the institution.
 */
import * as v from 'valibot'
import { FieldValue, type DocumentData, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { DOMAIN_REGISTRY, emailDomainProblem, SetDomainsInputSchema } from '@/domain/rules/email-domains'
import { isPlainObject, typedError } from '../errors'
import { firstIssue } from '../push/validate'

export const registryPath = (domain: string) => `${DOMAIN_REGISTRY}/${domain}`
export const DOMAIN_CHANGES = 'domainChanges'

export interface SetDomainsOutcome {
  institutionId: string
  domains: string[]
  added: string[]
  removed: string[]
}

/** Who is setting domains: a platform admin's uid, or a script (`script:<who>`). */
export interface DomainSetter {
  uid: string
  platformAdmin: boolean
}

/** The callable's body, with its I/O injected so tests and the admin script drive it directly. */
export async function setInstitutionDomainsCore(db: Firestore, setter: DomainSetter, data: unknown): Promise<SetDomainsOutcome> {
  if (!setter.platformAdmin) throw typedError('forbidden', 'Only a platform administrator sets an institution’s email domains')
  if (!isPlainObject(data)) throw typedError('invalid', 'Send { institutionId, domains }')
  const parsed = v.safeParse(SetDomainsInputSchema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, { field: issue.field || 'domains' })
  }
  const { institutionId, domains } = parsed.output
  const instRef = db.doc(`institutions/${institutionId}`)
  return db.runTransaction(async (tx) => {
    const inst = await tx.get(instRef)
    if (!inst.exists || inst.get('deleted') === true) throw typedError('not-found', 'No such institution', { field: 'institutionId' })
    const before = ((inst.get('emailDomains') as unknown[]) ?? []).filter((d): d is string => typeof d === 'string')
    const touched = [...new Set([...before, ...domains])]
    const owners = touched.length ? await tx.getAll(...touched.map((d) => db.doc(registryPath(d)))) : []
    const ownerOf = new Map(touched.map((d, i) => [d, owners[i]?.exists ? (owners[i]!.get('institutionId') as string) : null]))
    for (const d of domains) {
      const owner = ownerOf.get(d)
      if (owner && owner !== institutionId)
        throw typedError('domain-taken', `“${d}” belongs to another institution`, { field: 'domains', domain: d })
    }
    const added = domains.filter((d) => ownerOf.get(d) !== institutionId)
    const removed = before.filter((d) => !domains.includes(d))
    for (const d of added) tx.set(db.doc(registryPath(d)), { institutionId, setBy: setter.uid, setAt: FieldValue.serverTimestamp() })
    for (const d of removed) if (ownerOf.get(d) === institutionId) tx.delete(db.doc(registryPath(d)))
    const version = typeof inst.get('version') === 'number' ? (inst.get('version') as number) + 1 : 1
    tx.update(instRef, {
      emailDomains: domains,
      domainsChangedBy: setter.uid,
      domainsChangedAt: FieldValue.serverTimestamp(),
      version,
      updatedAt: FieldValue.serverTimestamp(),
      lastMutationId: null,
    })
    tx.set(db.collection(DOMAIN_CHANGES).doc(), {
      institutionId,
      by: setter.uid,
      at: FieldValue.serverTimestamp(),
      from: before,
      to: domains,
    })
    return { institutionId, domains, added, removed }
  })
}

/**
 * The live institution owning the most specific of `candidates` (most specific first, as
 * `domainCandidates` lists them), through the registry; null when none does.
 */
export async function institutionByDomain(db: Firestore, candidates: string[]): Promise<DocumentSnapshot<DocumentData> | null> {
  const owned = candidates.filter((d) => emailDomainProblem(d) === null)
  if (owned.length === 0) return null
  const entries = await db.getAll(...owned.map((d) => db.doc(registryPath(d))))
  for (const entry of entries) {
    const id = entry.exists ? entry.get('institutionId') : undefined
    if (typeof id !== 'string') continue
    const inst = await db.doc(`institutions/${id}`).get()
    if (inst.exists && inst.get('deleted') !== true) return inst
  }
  return null
}

export interface RegistryBackfill {
  registered: number
  /** Domains claimed by more than one institution: the first (by id) keeps it. */
  conflicts: { domain: string; kept: string; refused: string }[]
  /** Domains no institution may own (public suffixes, free mail): left out of the registry. */
  refused: { domain: string; institutionId: string }[]
}

/**
 * Migration: registers every live institution's `emailDomains` (first come wins, by institution
 * id; a domain already registered keeps its owner). Conflicts and refused domains are reported,
 * and taken off the losing institution's list so the document says what the registry does.
 */
export async function backfillDomainRegistry(db: Firestore): Promise<RegistryBackfill> {
  const out: RegistryBackfill = { registered: 0, conflicts: [], refused: [] }
  const insts = (await db.collection('institutions').orderBy('__name__').get()).docs.filter((d) => d.get('deleted') !== true)
  for (const inst of insts) {
    const domains = ((inst.get('emailDomains') as unknown[]) ?? []).filter((d): d is string => typeof d === 'string')
    if (domains.length === 0) continue
    await db.runTransaction(async (tx) => {
      const entries = await tx.getAll(...domains.map((d) => db.doc(registryPath(d))))
      const keep: string[] = []
      domains.forEach((d, i) => {
        if (emailDomainProblem(d)) return void out.refused.push({ domain: d, institutionId: inst.id })
        const owner = entries[i]?.exists ? (entries[i]!.get('institutionId') as string) : null
        if (owner && owner !== inst.id) return void out.conflicts.push({ domain: d, kept: owner, refused: inst.id })
        keep.push(d)
        if (!owner) {
          tx.set(db.doc(registryPath(d)), { institutionId: inst.id, setBy: 'migration', setAt: FieldValue.serverTimestamp() })
          out.registered++
        }
      })
      if (keep.length !== domains.length) {
        const version = typeof inst.get('version') === 'number' ? (inst.get('version') as number) + 1 : 1
        tx.update(inst.ref, {
          emailDomains: keep,
          domainsChangedBy: 'migration',
          domainsChangedAt: FieldValue.serverTimestamp(),
          version,
          updatedAt: FieldValue.serverTimestamp(),
          lastMutationId: null,
        })
      }
    })
  }
  return out
}
