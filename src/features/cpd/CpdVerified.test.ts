// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import type { Member, SkillShareRequest } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import CpdVerified from './CpdVerified.vue'

const meta = { updatedAt: 1, version: 2, deleted: false, lastMutationId: null }
const request: SkillShareRequest = {
  ...meta,
  id: 'r1',
  learnerUid: 'learner',
  teacherUid: 'teacher',
  skillId: 'pcr',
  skillName: 'PCR',
  message: '',
  format: 'demo',
  state: 'completed',
  history: { pending: 1, accepted: 2, completed: 3 },
}
const teacher = {
  ...meta,
  id: 'teacher',
  institutionId: 'inst-1',
  displayName: 'Siân ap Gwŵr',
  email: 'sian@example.ac.uk',
  role: 'technician',
  jobTitle: 'Senior technician',
  roleFamily: 'laboratory',
  facultyId: 'fac-sci',
  department: 'Chemistry',
  bio: '',
  contactUrl: '',
  visibility: 'institution',
  joinedAt: 1,
  skills: [],
} as unknown as Member

beforeEach(async () => {
  await Promise.all([db.requests.clear(), db.members.clear()])
  await db.members.put(teacher)
})

const show = async (locale: 'en' | 'cy', uid = 'learner') =>
  mount(CpdVerified, { props: { requestId: 'r1', uid }, global: { plugins: [await i18nFor(locale)] } })

describe('a CPD entry from a skill-share session', () => {
  it('shows as verified by the teacher once the teacher confirmed the session, in English and Welsh', async () => {
    await db.requests.put({ ...request, teacherConfirmedAt: 9 })
    const en = await show('en')
    await vi.waitFor(() => expect(en.text()).toBe('✓ Verified by Siân ap Gwŵr: they confirmed the session took place'))
    const cy = await show('cy')
    await vi.waitFor(() => expect(cy.text()).toBe('✓ Wedi’i ddilysu gan Siân ap Gwŵr: maen nhw wedi cadarnhau bod y sesiwn wedi digwydd'))
  })

  it("is not verified by the learner's own confirmation, nor before the teacher confirms", async () => {
    await db.requests.put({ ...request, learnerConfirmedAt: 9 })
    const w = await show('en')
    // The same confirmation does verify the teacher's own entry (by the learner, not listed here).
    const teacherView = await show('en', 'teacher')
    await vi.waitFor(() => expect(teacherView.text()).toBe('✓ Verified: your colleague confirmed the session took place'))
    expect(w.text()).toBe('')
  })
})
