import { onScopeDispose, reactive, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { db as defaultDb, type HubDb } from '@/db/database'
import type { Member } from '@/domain/entities'
import { isListed, type DirectoryFilters, type DirectoryHit } from '@/search/directory-index'
import { createDirectorySearch, type DirectorySearchClient, type SearchAnswer } from '@/search/client'
import { afterPaint } from '@/composables/use-revealed'

export interface DirectoryRow {
  member: Member
  hit: DirectoryHit
}

export interface DirectorySearch {
  query: Ref<string>
  filters: DirectoryFilters
  /** The page shown: people and what matched, best first. */
  rows: ShallowRef<DirectoryRow[]>
  total: Ref<number>
  fuzzy: Ref<boolean>
  /** True until the first index is built. */
  preparing: Ref<boolean>
  /** How many people the index holds. */
  size: Ref<number>
  showMore(): void
}

export interface UseDirectorySearchOptions {
  institutionId: Ref<string | null | undefined>
  pageSize?: number
  /**
   * How many of the first page are drawn before the rest of it, on a cold start (a phone's
   * screenful: the rest of the page waits a frame, so the first card paints sooner).
   */
  firstScreen?: number
  db?: HubDb
  /** Run the index on this thread (tests). */
  inline?: boolean
}

/**
 * The directory search of one page: the index lives in a worker; each keystroke asks it for a
 * page of ids, and the page's profiles are read from Dexie. A slower answer to an older query is
 * dropped, and every shown profile is checked again (listed, same institution).
 */
export function useDirectorySearch(options: UseDirectorySearchOptions): DirectorySearch {
  const database = options.db ?? defaultDb
  const pageSize = options.pageSize ?? 30
  const firstScreen = options.firstScreen ?? 8
  const query = ref('')
  const filters = reactive<DirectoryFilters>({})
  const limit = ref(pageSize)
  const rows = shallowRef<DirectoryRow[]>([])
  const total = ref(0)
  const fuzzy = ref(false)
  const preparing = ref(true)
  const size = ref(0)
  let client: DirectorySearchClient | null = null
  let asked = 0
  let shown = 0

  watch(
    options.institutionId,
    (institutionId) => {
      client?.close()
      client = null
      rows.value = []
      total.value = 0
      preparing.value = true
      if (!institutionId) return
      // The first page paints before the worker starts reading every profile: on a slow phone the
      // two reads queued behind each other and the list waited for the index's read. Its first
      // screenful is drawn first, the rest of it a frame later.
      void firstPage(institutionId)
        .catch(() => null)
        .then(async (page) => {
          await afterPaint()
          if (page && rows.value === page.first && preparing.value && options.institutionId.value === institutionId) rows.value = page.all
        })
        .then(() => {
          if (client || options.institutionId.value !== institutionId) return
          client = createDirectorySearch({
            institutionId,
            db: database,
            inline: options.inline,
            onAnswer: (answer) => void show(answer, institutionId),
            onIndexed: (info) => {
              size.value = info.size
              ask()
            },
          })
          ask()
        })
    },
    { immediate: true },
  )
  watch([query, filters], () => {
    limit.value = pageSize
    ask()
  })
  watch(limit, ask)
  onScopeDispose(() => client?.close())

  return { query, filters, rows, total, fuzzy, preparing, size, showMore: () => (limit.value += pageSize) }

  function ask() {
    client?.search(++asked, query.value, { ...filters }, limit.value)
  }

  /**
   * While the worker builds the index (a second or two for 10,000 profiles on a slow phone), the
   * first page of the list comes straight from Dexie's name index, so the directory paints at once.
   */
  async function firstPage(institutionId: string): Promise<{ first: DirectoryRow[]; all: DirectoryRow[] } | null> {
    // One getAll over the name index (no filter, so no cursor stepping record by record); a device
    // with many hidden or departed members falls back to the filtered walk.
    const firstNames = await database.members
      .orderBy('displayName')
      .limit(pageSize * 2)
      .toArray()
    let page = firstNames.filter((m) => isListed(m, institutionId)).slice(0, pageSize)
    if (page.length < pageSize && firstNames.length === pageSize * 2) {
      page = await database.members
        .orderBy('displayName')
        .filter((m) => isListed(m, institutionId))
        .limit(pageSize)
        .toArray()
    }
    if (!preparing.value || options.institutionId.value !== institutionId) return null
    const all = page.map((member) => ({ member, hit: { id: member.id, score: 0, matchedSkillIds: [], matchedFields: [] } }))
    const first = all.length > firstScreen ? all.slice(0, firstScreen) : all
    rows.value = first
    return { first, all }
  }

  async function show(answer: SearchAnswer, institutionId: string) {
    if (answer.seq < shown) return
    shown = answer.seq
    // Before the first index there is nothing to show but the first page already read from Dexie.
    if (!answer.ready) return
    const docs = await database.members.bulkGet(answer.result.hits.map((h) => h.id))
    if (answer.seq !== shown) return
    const next: DirectoryRow[] = []
    answer.result.hits.forEach((hit, i) => {
      const member = docs[i]
      if (member && isListed(member, institutionId)) next.push({ member, hit })
    })
    rows.value = next
    total.value = answer.result.total
    fuzzy.value = answer.result.fuzzy
    preparing.value = !answer.ready
  }
}
