// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { reads } from '@/db/read'
import type { Member, MemberSkill } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import { member, skill } from '../../../tests/support/rule-fixtures'
import SkillMerge from './SkillMerge.vue'

const meta = { updatedAt: 1, version: 1, deleted: false, lastMutationId: null }
const person = (id: string, skills: MemberSkill[], endorsements?: Record<string, number>): Member =>
  member(id, { displayName: `Person ${id}`, email: `${id}@example.ac.uk`, skills, ...(endorsements ? { endorsements } : {}) })

beforeEach(async () => {
  await Promise.all([db.members.clear(), db.institutions.clear(), db.outbox.clear()])
  await db.institutions.put({ ...meta, id: 'inst', name: 'Example University', emailDomains: [], faculties: [], sites: [] })
  await db.members.bulkPut([
    person('a', [skill('tag:mass-spec', 'Mass spec', { level: 'expert', canTeach: true })], { 'tag:mass-spec': 2 }),
    person('b', [skill('tag:mass-spectrometry', 'Mass spectrometry')], { 'tag:mass-spectrometry': 1 }),
  ])
})

describe('SkillMerge', () => {
  it('a lead merges two tags for one technique: every member’s skills and endorsements follow, and the edit is queued for sync', async () => {
    const wrapper = mount(SkillMerge, { props: { institutionId: 'inst' }, global: { plugins: [await i18nFor('en')] } })
    await vi.waitFor(() => expect(wrapper.findAll('select')[0]!.findAll('option')).toHaveLength(3))
    expect(wrapper.get('h2').text()).toBe('Merge duplicate skills')
    const [from, into] = wrapper.findAll('select')
    await from!.setValue('tag:mass-spec')
    await into!.setValue('tag:mass-spectrometry')
    await wrapper.get('button').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('Mass spec now counts as Mass spectrometry for everyone. Saved on this device.'))
    await flushPromises()
    expect((await db.institutions.get('inst'))?.skillMerges).toEqual({ 'tag:mass-spec': { into: 'tag:mass-spectrometry', name: 'Mass spectrometry' } })
    expect(await db.outbox.where('collection').equals('institutions').count()).toBe(1)
    // Profiles are not rewritten (they belong to their owners); every read follows the merge.
    expect((await db.members.get('a'))?.skills[0]?.skillId).toBe('tag:mass-spec')
    const a = await reads.members.get('a')
    expect(a?.skills).toEqual([skill('tag:mass-spectrometry', 'Mass spectrometry', { level: 'expert', canTeach: true })])
    expect(a?.endorsements).toEqual({ 'tag:mass-spectrometry': 2 })
    await vi.waitFor(() => expect(wrapper.findAll('select')[0]!.findAll('option')).toHaveLength(2))
    expect(wrapper.findAll('select')[0]!.text()).toContain('Mass spectrometry (2)')
    wrapper.unmount()
  })

  it('speaks Welsh', async () => {
    const wrapper = mount(SkillMerge, { props: { institutionId: 'inst' }, global: { plugins: [await i18nFor('cy')] } })
    expect(wrapper.get('h2').text()).toBe('Cyfuno sgiliau dyblyg')
    expect(wrapper.get('button').text()).toBe('Cyfuno sgiliau')
    wrapper.unmount()
  })
})
