/** The public plan: the leads' publishPlan callable and the publicPlan page anyone may open (see ./publish.ts). */
import { onRequest } from 'firebase-functions/v2/https'
import { getDb } from '../firebase'
import { onCall } from '../guard'
import { requireLiveUid } from '../live'
import { callerFromClaims } from '../push/authorise'
import type { PublishPlanResult } from '@/domain/public-plan'
import { publishPlanCore, servePublicPlan } from './publish'

/** A lead renders the current plan to static HTML (English and Welsh) and gets its public address (now the institution's planUrl). */
export const publishPlan = onCall<unknown, Promise<PublishPlanResult>>({ cors: true, timeoutSeconds: 120 }, async (req) => {
  const uid = await requireLiveUid(req)
  return publishPlanCore(getDb(), callerFromClaims(uid, req.auth?.token), req.data)
})

/** GET /{inst}[/en|/cy]: the published plan page, to anyone, with no sign-in. */
export const publicPlan = onRequest({ invoker: 'public', cors: false, memory: '256MiB' }, async (req, res) => {
  const header = req.headers['if-none-match']
  const out = await servePublicPlan(getDb(), req.method, req.path, typeof header === 'string' ? header : undefined)
  res.status(out.status)
  for (const [name, value] of Object.entries(out.headers)) res.set(name, value)
  if (req.method === 'HEAD' || out.status === 304) res.end()
  else res.send(out.body)
})
