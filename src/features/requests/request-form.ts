import * as v from 'valibot'
import { SkillShareFields, type Member, type SkillShareRequest } from '@/domain/entities'
import { validateNewRequest } from '@/domain/rules/requests'

/** What the "Ask to learn" form holds. */
export interface AskValues {
  skillId: string
  message: string
  format: string
}
export type AskField = keyof AskValues
/** Per field: a key of this feature (`requests.errors.*`) or a domain problem (src/domain/problems.ts). */
export type AskErrors = Partial<Record<AskField, string>>
export type NewRequest = Omit<SkillShareRequest, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

const MessageSchema = SkillShareFields.message
const FormatSchema = v.picklist(['shadowing', 'demo', 'call'], 'requests.errors.chooseFormat')

/** The skills a colleague can be asked about: those they are happy to teach. */
export function teachableSkills(teacher: Pick<Member, 'skills'>) {
  return teacher.skills.filter((s) => s.canTeach)
}

/**
 * Checks the form and builds a pending request (dated `now`), or says what to fix per field.
 * An open request (pending or accepted) for the same skill and colleague is not repeated.
 */
export function buildRequest(
  values: AskValues,
  ctx: {
    learnerUid: string
    teacher: Pick<Member, 'id' | 'skills'>
    open: readonly Pick<SkillShareRequest, 'learnerUid' | 'teacherUid' | 'skillId' | 'state'>[]
    now: number
  },
): { ok: true; request: NewRequest } | { ok: false; errors: AskErrors } {
  const errors: AskErrors = {}
  const skill = teachableSkills(ctx.teacher).find((s) => s.skillId === values.skillId)
  if (!skill) errors.skillId = 'requests.errors.chooseSkill'
  else if (
    ctx.open.some(
      (r) =>
        r.learnerUid === ctx.learnerUid &&
        r.teacherUid === ctx.teacher.id &&
        r.skillId === skill.skillId &&
        (r.state === 'pending' || r.state === 'accepted'),
    )
  ) {
    errors.skillId = 'requests.errors.alreadyAsked'
  }
  const message = v.safeParse(MessageSchema, values.message)
  if (!message.success) errors.message = message.issues[0].message
  const format = v.safeParse(FormatSchema, values.format)
  if (!format.success) errors.format = format.issues[0].message
  const self = validateNewRequest({ learnerUid: ctx.learnerUid, teacherUid: ctx.teacher.id })
  if (!self.ok) errors.skillId = self.message
  if (!skill || !message.success || !format.success || Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    request: {
      learnerUid: ctx.learnerUid,
      teacherUid: ctx.teacher.id,
      skillId: skill.skillId,
      skillName: skill.name,
      message: message.output,
      format: format.output,
      state: 'pending',
      history: { pending: ctx.now },
    },
  }
}
