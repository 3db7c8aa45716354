import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref, watch } from 'vue'
import { createDb, type HubDb } from '@/db/database'
import type { Member, MemberSkill } from '@/domain/entities'
import { useDirectorySearch } from './use-directory-search'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const skill = (name: string, level: MemberSkill['level'], canTeach: boolean): MemberSkill => ({
  skillId: `tag:${name.toLowerCase()}`,
  name,
  category: 'technique',
  level,
  canTeach,
  wantsToLearn: false,
})
const member = (id: string, displayName: string, skills: MemberSkill[], extra: Partial<Member> = {}): Member => ({
  ...meta,
  id,
  institutionId: 'inst',
  displayName,
  email: `${id}@example.ac.uk`,
  role: 'technician',
  visibility: 'institution',
  joinedAt: 1,
  skills,
  ...extra,
})

let db: HubDb
afterEach(() => db?.close())

describe('useDirectorySearch', () => {
  it('shows the first page at once, then searches as you type, with filters', async () => {
    db = createDb(`dir-search-${Math.random()}`)
    await db.members.bulkPut([
      member('a', 'Ada Lovelace', [skill('Welding', 'practitioner', false)]),
      member('b', 'Bo Diddley', [skill('Welding', 'expert', true)]),
      member('c', 'Cy Young', [skill('Glassblowing', 'expert', true)]),
      member('h', 'Hidden', [skill('Welding', 'expert', true)], { visibility: 'hidden' }),
    ])
    const institutionId = ref<string | null>('inst')
    const scope = effectScope()
    const search = scope.run(() => useDirectorySearch({ institutionId, db, inline: true, pageSize: 2 }))!
    await expect.poll(() => search.rows.value.map((r) => r.member.id)).toEqual(['a', 'b'])
    await expect.poll(() => search.preparing.value).toBe(false)
    expect(search.total.value).toBe(3)

    search.query.value = 'weldng'
    await expect.poll(() => search.rows.value.map((r) => r.member.id)).toEqual(['b', 'a'])
    expect(search.fuzzy.value).toBe(true)
    expect(search.rows.value[0]!.hit.matchedSkillIds).toEqual(['tag:welding'])

    search.filters.canTeach = true
    await expect.poll(() => search.rows.value.map((r) => r.member.id)).toEqual(['b'])

    search.query.value = ''
    search.filters.canTeach = undefined
    await nextTick()
    search.showMore()
    await expect.poll(() => search.rows.value.map((r) => r.member.id)).toEqual(['a', 'b', 'c'])

    institutionId.value = null
    await expect.poll(() => search.rows.value).toEqual([])
    scope.stop()
  })

  it('paints the first page from the name index before the search worker starts, skipping hidden profiles', async () => {
    db = createDb(`dir-first-${Math.random()}`)
    // The first names alphabetically are hidden or elsewhere: the quick read finds too few and walks on.
    await db.members.bulkPut([
      member('a1', 'Aa', [], { visibility: 'hidden' }),
      member('a2', 'Ab', [], { visibility: 'hidden' }),
      member('a3', 'Ac', [], { institutionId: 'other' }),
      member('a4', 'Ad', [], { deleted: true }),
      member('b', 'Bo', []),
      member('c', 'Cy', []),
      member('d', 'Di', []),
    ])
    const institutionId = ref<string | null>('inst')
    const scope = effectScope()
    const painted: string[][] = []
    const search = scope.run(() => {
      const s = useDirectorySearch({ institutionId, db, inline: true, pageSize: 2 })
      watch(s.rows, (rows) => painted.push(rows.map((r) => r.member.id)))
      return s
    })!
    await expect.poll(() => search.preparing.value).toBe(false)
    // The first rows shown came from Dexie while the index was still being prepared.
    expect(painted[0]).toEqual(['b', 'c'])
    expect(search.total.value).toBe(3)
    scope.stop()
  })
})
