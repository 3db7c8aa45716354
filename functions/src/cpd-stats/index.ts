/** The cpdStats callable: suppressed CPD and registration counts for leads (see ./stats.ts). */
import { onCall } from 'firebase-functions/v2/https'
import type { CpdStats } from '@/domain/rules/cpd-stats'
import { requireAuth } from '../errors'
import { getDb } from '../firebase'
import { callerFromClaims } from '../push/authorise'
import { cpdStatsCore } from './stats'

export const cpdStats = onCall<unknown, Promise<CpdStats>>({ cors: true, timeoutSeconds: 120 }, async (req) => {
  const uid = requireAuth(req.auth)
  return cpdStatsCore(getDb(), callerFromClaims(uid, req.auth?.token))
})
