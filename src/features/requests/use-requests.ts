import { computed, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { unsentIds } from '@/db/outbox'
import { reads as defaultReads, type Reads } from '@/db/read'
import { repos as defaultRepos, type Repos } from '@/db/repos'
import type { CpdEntry, SkillShareRequest } from '@/domain/entities'
import { confirmSession } from '@/domain/rules/requests'
import { useFieldErrors } from '@/ui/field-errors'
import { lastActivity } from './requests'
import type { NewRequest } from './request-form'

export interface RequestRow {
  request: SkillShareRequest
  /** The other person's name; null when they are not (or no longer) listed (shown as a neutral word). */
  otherName: string | null
  role: 'learner' | 'teacher'
}

export interface RequestDeps {
  reads?: Reads
  repos?: Repos
}

/** My skill-share requests, both ways, newest activity first, and my CPD entries (for the offers). */
export function useRequests(
  uid: Ref<string | null>,
  options: RequestDeps = {},
): { rows: ComputedRef<RequestRow[]>; cpd: Readonly<Ref<CpdEntry[]>>; loaded: ComputedRef<boolean> } {
  const reads = options.reads ?? defaultReads
  const data = useLiveQuery(
    async () => {
      const me = uid.value
      if (!me) return null
      const [asked, askedOfMe] = await Promise.all([reads.requests.where('learnerUid', me), reads.requests.where('teacherUid', me)])
      const requests = [...new Map([...asked, ...askedOfMe].map((r) => [r.id, r])).values()]
      const others = [...new Set(requests.map((r) => (r.learnerUid === me ? r.teacherUid : r.learnerUid)))]
      const people = await reads.members.getMany(others)
      const names = new Map(people.filter((p) => p.visibility === 'institution').map((p) => [p.id, p.displayName]))
      return { me, requests, names }
    },
    { initial: null, deps: uid },
  )
  const cpd = useLiveQuery(() => reads.cpd.all(), { initial: [] as CpdEntry[] })
  const rows = computed(() => {
    const d = data.value
    if (!d) return []
    return [...d.requests]
      .sort((a, b) => lastActivity(b) - lastActivity(a))
      .map((request): RequestRow => {
        const role = request.teacherUid === d.me ? 'teacher' : 'learner'
        const other = role === 'teacher' ? request.learnerUid : request.teacherUid
        return { request, role, otherName: d.names.get(other) ?? null }
      })
  })
  return { rows, cpd, loaded: computed(() => data.value !== null) }
}

/** Ids of requests with a change (or the request itself) not yet accepted by the server. */
export function useUnsentRequestIds(): Readonly<Ref<ReadonlySet<string>>> {
  return useLiveQuery(() => unsentIds('requests'), { initial: new Set<string>() })
}

/** The requests `learnerUid` has made (to refuse asking twice). */
export function requestsMadeBy(learnerUid: string, deps: RequestDeps = {}): Promise<SkillShareRequest[]> {
  return (deps.reads ?? defaultReads).requests.where('learnerUid', learnerUid)
}

/** Saves a new request (queued for sync). */
export async function sendRequest(request: NewRequest, deps: RequestDeps = {}): Promise<void> {
  await (deps.repos ?? defaultRepos).requests.create(request)
}

/** Saves a move of a request (its state and history). */
export async function saveMove(id: string, patch: Pick<SkillShareRequest, 'state' | 'history'>, deps: RequestDeps = {}): Promise<void> {
  await (deps.repos ?? defaultRepos).requests.patch(id, patch)
}

/**
 * Saves the CPD entry offered after a session and, in the same transaction, the person's
 * confirmation that the session took place (what verifies the other party's entry), if not given yet.
 */
export async function saveOfferedCpd(
  fields: Parameters<Repos['cpd']['create']>[0],
  uid: string,
  deps: RequestDeps & { db?: HubDb } = {},
): Promise<void> {
  const database = deps.db ?? defaultDb
  const repos = deps.repos ?? defaultRepos
  await database.transaction('rw', [database.cpd, database.requests, database.outbox, database.bases], async () => {
    await repos.cpd.create(fields)
    if (fields.requestId) await confirmOn(repos, fields.requestId, uid)
  })
}

/** The person confirms a completed session took place (their own field on the request only). */
export async function confirmSessionHappened(requestId: string, uid: string, deps: RequestDeps = {}): Promise<void> {
  await confirmOn(deps.repos ?? defaultRepos, requestId, uid)
}

async function confirmOn(repos: Repos, requestId: string, uid: string): Promise<void> {
  const request = await repos.requests.get(requestId)
  const patch = request && confirmSession(request, uid, Date.now())
  if (patch) await repos.requests.patch(requestId, patch)
}

/** Words a form error of this feature: its own key (`requests.errors.*`), else a domain problem. */
export function useRequestErrorText(): (error: string | undefined) => string | undefined {
  const { t } = useI18n()
  const { problemText } = useFieldErrors()
  return (error) => (error === undefined ? undefined : error.startsWith('requests.') ? t(error) : problemText(error))
}
