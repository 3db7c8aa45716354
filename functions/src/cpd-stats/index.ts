/** The cpdStats callable: suppressed CPD and registration counts for leads (see ./stats.ts). */
import type { CpdStats } from '@/domain/rules/cpd-stats'
import { getDb } from '../firebase'
import { requireLiveUid } from '../live'
import { callerFromClaims } from '../push/authorise'
import { cpdStatsCore } from './stats'
import { onCall } from '../guard'

export const cpdStats = onCall<unknown, Promise<CpdStats>>({ cors: true, timeoutSeconds: 120 }, async (req) => {
  const uid = await requireLiveUid(req)
  return cpdStatsCore(getDb(), callerFromClaims(uid, req.auth?.token))
})
