import { describe, expect, it } from 'vitest'
import { SkillShareSchema, type MemberSkill } from '@/domain/entities'
import { validate } from '@/domain/validation'
import { buildRequest, teachableSkills } from './request-form'

const skill = (skillId: string, canTeach: boolean): MemberSkill => ({
  skillId,
  name: skillId.toUpperCase(),
  category: 'technique',
  level: 'expert',
  canTeach,
  wantsToLearn: false,
})
const teacher = { id: 'teacher', skills: [skill('pcr', true), skill('hplc', false)] }
const ctx = { learnerUid: 'me', teacher, open: [], now: 1_700_000_000_000 }

describe('buildRequest', () => {
  it('builds a pending request the schema accepts', () => {
    const out = buildRequest({ skillId: 'pcr', message: ' Could I shadow you? ', format: 'shadowing' }, ctx)
    expect(out).toEqual({
      ok: true,
      request: {
        learnerUid: 'me',
        teacherUid: 'teacher',
        skillId: 'pcr',
        skillName: 'PCR',
        message: 'Could I shadow you?',
        format: 'shadowing',
        state: 'pending',
        history: { pending: 1_700_000_000_000 },
      },
    })
    if (out.ok)
      expect(
        validate(SkillShareSchema, { ...out.request, id: 'r1', updatedAt: 0, version: 0, deleted: false, lastMutationId: null }).ok,
      ).toBe(true)
  })
  it('says what to fix at each field', () => {
    const out = buildRequest({ skillId: 'hplc', message: 'x'.repeat(1001), format: '' }, ctx)
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.errors.skillId).toBe('Choose a skill they are happy to teach')
      expect(out.errors.message).toBe('Your message must be at most 1000 characters')
      expect(out.errors.format).toBe('Choose how you would like to learn')
    }
  })
  it('does not ask yourself, or ask twice while a request is open', () => {
    expect(buildRequest({ skillId: 'pcr', message: '', format: 'call' }, { ...ctx, learnerUid: 'teacher' })).toMatchObject({
      ok: false,
      errors: { skillId: 'You cannot ask yourself to teach a skill' },
    })
    const open = [{ learnerUid: 'me', teacherUid: 'teacher', skillId: 'pcr', state: 'accepted' as const }]
    expect(buildRequest({ skillId: 'pcr', message: '', format: 'call' }, { ...ctx, open })).toMatchObject({
      ok: false,
      errors: { skillId: 'You have already asked them about this skill' },
    })
    const closed = [{ ...open[0]!, state: 'completed' as const }]
    expect(buildRequest({ skillId: 'pcr', message: '', format: 'call' }, { ...ctx, open: closed }).ok).toBe(true)
  })
  it('offers only skills the colleague is happy to teach', () => {
    expect(teachableSkills(teacher).map((s) => s.skillId)).toEqual(['pcr'])
  })
})
