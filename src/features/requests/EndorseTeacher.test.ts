// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SkillShareRequest } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import EndorseTeacher from './EndorseTeacher.vue'

const endorseSkill = vi.fn()
vi.mock('@/platform/load', () => ({ loadPlatform: async () => ({ account: { endorseSkill } }) }))

const request: SkillShareRequest = {
  id: 'r1',
  updatedAt: 1,
  version: 3,
  deleted: false,
  lastMutationId: null,
  learnerUid: 'learner',
  teacherUid: 'teacher',
  skillId: 'hplc',
  skillName: 'HPLC',
  message: '',
  format: 'demo',
  state: 'completed',
  history: { pending: 1, accepted: 2, completed: 3 },
}

async function card(props: { request: SkillShareRequest; uid: string }, locale: 'en' | 'cy' = 'en') {
  return mount(EndorseTeacher, { props, global: { plugins: [await i18nFor(locale)] } })
}

beforeEach(() => endorseSkill.mockReset())

describe('EndorseTeacher', () => {
  it('the learner of a completed session endorses the teacher’s skill once', async () => {
    endorseSkill.mockResolvedValue({ ok: true, count: 1 })
    const wrapper = await card({ request, uid: 'learner' })
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(endorseSkill).toHaveBeenCalledWith('r1')
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.text()).toBe('You endorsed their HPLC. Thank you.')
  })
  it('offers nothing to the teacher, before completion, or once endorsed', async () => {
    expect((await card({ request, uid: 'teacher' })).text()).toBe('')
    expect((await card({ request: { ...request, state: 'accepted' }, uid: 'learner' })).text()).toBe('')
    expect((await card({ request: { ...request, endorsedAt: 9 }, uid: 'learner' })).text()).toBe('You endorsed their HPLC. Thank you.')
  })
  it('words a refusal in the language shown, never a code', async () => {
    endorseSkill.mockResolvedValue({ ok: false, offline: true, code: 'offline' })
    const wrapper = await card({ request, uid: 'learner' }, 'cy')
    expect(wrapper.get('button').text()).toBe('Fe ddysgodd hyn i mi: cymeradwyo eu HPLC')
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Mae angen cysylltiad i gymeradwyo: rhowch gynnig arall arni pan fyddwch ar-lein.')
  })
})
