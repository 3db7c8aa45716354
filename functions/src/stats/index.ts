/** The institutionStats callable (see ./stats.ts). */
import { getDb } from '../firebase'
import { requireLiveUid } from '../live'
import { callerFromClaims } from '../push/authorise'
import type { InstitutionStatsResult } from './aggregate'
import { institutionStatsCore } from './stats'
import { onCall } from '../guard'

/** Dashboard figures for leads (contracts, equality, CPD, registrations): suppressed counts only. */
export const institutionStats = onCall<unknown, Promise<InstitutionStatsResult>>({ cors: true, timeoutSeconds: 120 }, async (req) => {
  const uid = await requireLiveUid(req)
  return institutionStatsCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})
