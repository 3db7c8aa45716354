import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref, watch } from 'vue'
import { createDb, type HubDb } from '@/db/database'
import type { Member, MemberSkill } from '@/domain/entities'
import { member, skill } from '../../../tests/support/rule-fixtures'
import { useDirectorySearch } from './use-directory-search'

const tagged = (name: string, level: MemberSkill['level'], canTeach: boolean): MemberSkill =>
  skill(`tag:${name.toLowerCase()}`, name, { level, canTeach })
const person = (id: string, displayName: string, skills: MemberSkill[], extra: Partial<Member> = {}): Member =>
  member(id, { displayName, email: `${id}@example.ac.uk`, joinedAt: 1, skills, ...extra })

let db: HubDb
afterEach(() => db?.close())

describe('useDirectorySearch', () => {
  it('shows the first page at once, then searches as you type, with filters', async () => {
    db = createDb(`dir-search-${Math.random()}`)
    await db.members.bulkPut([
      person('a', 'Ada Lovelace', [tagged('Welding', 'practitioner', false)]),
      person('b', 'Bo Diddley', [tagged('Welding', 'expert', true)]),
      person('c', 'Cy Young', [tagged('Glassblowing', 'expert', true)]),
      person('h', 'Hidden', [tagged('Welding', 'expert', true)], { visibility: 'hidden' }),
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
      person('a1', 'Aa', [], { visibility: 'hidden' }),
      person('a2', 'Ab', [], { visibility: 'hidden' }),
      person('a3', 'Ac', [], { institutionId: 'other' }),
      person('a4', 'Ad', [], { deleted: true }),
      person('b', 'Bo', []),
      person('c', 'Cy', []),
      person('d', 'Di', []),
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

  it('on a cold start draws the first screenful of the page, then the rest, before the index answers', async () => {
    db = createDb(`dir-screen-${Math.random()}`)
    await db.members.bulkPut([person('d', 'Di', []), person('b', 'Bo', []), person('c', 'Cy', []), person('e', 'Ed', [])])
    const institutionId = ref<string | null>('inst')
    const scope = effectScope()
    const painted: [string[], boolean][] = []
    const search = scope.run(() => {
      const s = useDirectorySearch({ institutionId, db, inline: true, pageSize: 3, firstScreen: 1 })
      watch(s.rows, (rows) => painted.push([rows.map((r) => r.member.id), s.preparing.value]))
      return s
    })!
    await expect.poll(() => search.preparing.value).toBe(false)
    expect(painted.slice(0, 2)).toEqual([
      [['b'], true],
      [['b', 'c', 'd'], true],
    ])
    // Then the index's own first page, in the same order.
    expect(painted.at(-1)).toEqual([['b', 'c', 'd'], false])
    expect(search.total.value).toBe(4)
    scope.stop()
  })
})
