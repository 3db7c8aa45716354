/** The institutionStats callable (see ./stats.ts). */
import { onCall } from 'firebase-functions/v2/https'
import { requireAuth } from '../errors'
import { getDb } from '../firebase'
import { callerFromClaims } from '../push/authorise'
import type { InstitutionStatsResult } from './aggregate'
import { institutionStatsCore } from './stats'

/** Dashboard figures for leads (contracts, equality, CPD, registrations): suppressed counts only. */
export const institutionStats = onCall<unknown, Promise<InstitutionStatsResult>>({ cors: true, timeoutSeconds: 120 }, async (req) => {
  const uid = requireAuth(req.auth)
  return institutionStatsCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})
