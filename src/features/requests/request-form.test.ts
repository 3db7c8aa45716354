import { problem } from '@/domain/problems'
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
      expect(out.errors.skillId).toBe('requests.errors.chooseSkill')
      expect(out.errors.message).toBe(problem('tooLong', { max: 1000 }))
      expect(out.errors.format).toBe('requests.errors.chooseFormat')
    }
  })
  it('does not ask yourself, or ask twice while a request is open', () => {
    expect(buildRequest({ skillId: 'pcr', message: '', format: 'call' }, { ...ctx, learnerUid: 'teacher' })).toMatchObject({
      ok: false,
      errors: { skillId: problem('selfRequest') },
    })
    const open = [{ learnerUid: 'me', teacherUid: 'teacher', skillId: 'pcr', state: 'accepted' as const }]
    expect(buildRequest({ skillId: 'pcr', message: '', format: 'call' }, { ...ctx, open })).toMatchObject({
      ok: false,
      errors: { skillId: 'requests.errors.alreadyAsked' },
    })
    const closed = [{ ...open[0]!, state: 'completed' as const }]
    expect(buildRequest({ skillId: 'pcr', message: '', format: 'call' }, { ...ctx, open: closed }).ok).toBe(true)
  })
  it('offers only skills the colleague is happy to teach', () => {
    expect(teachableSkills(teacher).map((s) => s.skillId)).toEqual(['pcr'])
  })
})
