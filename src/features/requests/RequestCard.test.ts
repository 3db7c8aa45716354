// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { CpdEntry, SkillShareRequest } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import { request as aRequest } from '../../../tests/support/rule-fixtures'
import RequestCard from './RequestCard.vue'
import type * as UseRequests from './use-requests'

vi.mock('vue-router', () => ({ RouterLink: { template: '<a><slot /></a>' } }))
const saveMove = vi.hoisted(() => vi.fn(async () => undefined))
const confirmSessionHappened = vi.hoisted(() => vi.fn(async () => undefined))
vi.mock('./use-requests', async (original) => ({ ...(await original<typeof UseRequests>()), saveMove, confirmSessionHappened }))

const request = aRequest('r1', {
  updatedAt: 1,
  learnerUid: 'learner',
  teacherUid: 'teacher',
  message: 'Could I shadow you?',
  format: 'demo',
  history: { pending: Date.UTC(2026, 10, 2) },
})
const open = async (locale: 'en' | 'cy', extra: { unsent?: boolean; request?: SkillShareRequest; cpd?: CpdEntry[] } = {}) =>
  mount(RequestCard, {
    props: { request, uid: 'teacher', role: 'teacher', otherName: 'Siân ap Gwŵr', cpd: [], ...extra },
    global: { plugins: [await i18nFor(locale)] },
  })

describe('a skill-share request', () => {
  it('reads as before in English', async () => {
    const w = await open('en')
    expect(w.get('article').attributes('aria-label')).toBe('PCR with Siân ap Gwŵr')
    expect(w.text()).toContain('Siân ap Gwŵr asked you · A demonstration')
    expect(w.text()).toContain('Waiting for a reply')
    expect(w.get('ol').text()).toBe('Asked 2 November 2026')
    expect(w.findAll('button').map((b) => b.text())).toEqual([
      'Accept: PCR with Siân ap Gwŵr',
      'Decline: PCR with Siân ap Gwŵr',
      'Cancel request: PCR with Siân ap Gwŵr',
    ])
  })

  it('reads in Welsh, and a move is saved', async () => {
    const w = await open('cy')
    expect(w.get('article').attributes('aria-label')).toBe('PCR gyda Siân ap Gwŵr')
    expect(w.text()).toContain('Gofynnodd Siân ap Gwŵr i chi · Arddangosiad')
    expect(w.text()).toContain('Yn aros am ateb')
    expect(w.get('ol').text()).toBe('Gofynnwyd 2 Tachwedd 2026')
    await w.get('button.button-primary').trigger('click')
    await flushPromises()
    expect(saveMove).toHaveBeenCalledWith('r1', expect.objectContaining({ state: 'accepted' }))
  })

  it('says when it has not been sent yet, in English and Welsh, and not once it has', async () => {
    const en = await open('en', { unsent: true })
    expect(en.get('[role="status"]').text()).toBe('Not sent yet — sends when you are online')
    const cy = await open('cy', { unsent: true })
    expect(cy.get('[role="status"]').text()).toBe('Heb ei anfon eto — caiff ei anfon pan fyddwch ar-lein')
    const sent = await open('en', { unsent: false })
    expect(sent.text()).not.toContain('Not sent yet')
  })

  describe('once completed', () => {
    const done: SkillShareRequest = {
      ...request,
      state: 'completed',
      history: { pending: 1, accepted: 2, completed: Date.UTC(2026, 10, 3) },
    }
    const logged = [{ id: 'c1', requestId: 'r1' } as CpdEntry]

    it('offers the prefilled CPD entry (which confirms the session when saved)', async () => {
      const w = await open('en', { request: done })
      expect(w.get('form').text()).toContain('“Taught PCR to Siân ap Gwŵr (demonstration)”, 3 November 2026, professional activity.')
    })

    it('lets the person confirm the session after logging it elsewhere, in their own field', async () => {
      const w = await open('en', { request: done, cpd: logged })
      await w.get('button').trigger('click')
      expect(confirmSessionHappened).toHaveBeenCalledWith('r1', 'teacher')
      const confirmed = await open('cy', { request: { ...done, teacherConfirmedAt: 9 }, cpd: logged })
      expect(confirmed.findAll('button')).toHaveLength(0)
      expect(confirmed.text()).toContain('Rydych wedi cadarnhau bod y sesiwn wedi digwydd.')
    })

    it("says when the other person confirmed it, and never on the strength of one's own confirmation", async () => {
      const w = await open('en', { request: { ...done, learnerConfirmedAt: 9 }, cpd: logged })
      expect(w.text()).toContain('Siân ap Gwŵr confirmed the session took place.')
      const own = await open('en', { request: { ...done, teacherConfirmedAt: 9 }, cpd: logged })
      expect(own.text()).not.toContain('Siân ap Gwŵr confirmed')
    })
  })
})
