/** "Taught me this": the learner of a completed session endorses the teacher's skill through the endorseSkill callable (it needs a connection). */
import type { SkillShareRequest } from '@/domain/entities'
import { loadPlatform } from '@/platform/load'

/** The teacher's new count, or the server's refusal code (not-completed, already-endorsed …) or offline. */
export type EndorseOutcome = { ok: true; count: number } | { ok: false; offline: boolean; code: string }

/** Whether `uid` may still endorse this request's teacher (the server checks the same, src/domain/endorsements.ts). */
export function canEndorse(request: Pick<SkillShareRequest, 'state' | 'learnerUid' | 'endorsedAt'>, uid: string): boolean {
  return request.state === 'completed' && request.learnerUid === uid && request.endorsedAt === undefined
}

/** Endorses the teacher of `requestId`; the request's `endorsedAt` and the teacher's count arrive with the next pull. */
export async function endorseTeacher(requestId: string): Promise<EndorseOutcome> {
  return (await loadPlatform()).account.endorseSkill(requestId)
}
