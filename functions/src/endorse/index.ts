/** The endorsement callable (see ./endorse.ts). */
import { getDb } from '../firebase'
import { onCall } from '../guard'
import { requireLiveUid } from '../live'
import { callerFromClaims } from '../push/authorise'
import { endorseSkillCore, type EndorseOutcome } from './endorse'

/** The learner of a completed skill-share session endorses its teacher's skill, once. */
export const endorseSkill = onCall<unknown, Promise<EndorseOutcome>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return endorseSkillCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})
