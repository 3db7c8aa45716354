/**
 * This device's Web Push subscription, stored server-side per member and device
 * (users/{uid}/pushSubscriptions/{sha256(endpoint)}; no client reads it, the rules deny it).
 */
import * as v from 'valibot'
import type { Firestore } from 'firebase-admin/firestore'
import { DeletePushSubscriptionSchema, PushSubscriptionSchema } from '@/domain/notifications'
import { typedError } from '../errors'
import { firstIssue } from '../push/validate'
import { subscriptionId, subscriptionsPath } from './deliver'

/**
 * Push services the functions will POST to (a subscription names a URL; anything else would let a
 * client make the server call any address). The emulator also takes http://127.0.0.1 (tests).
 */
const PUSH_HOSTS = [/\.googleapis\.com$/, /\.push\.services\.mozilla\.com$/, /\.notify\.windows\.com$/, /\.push\.apple\.com$/]

export function isPushEndpoint(endpoint: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const url = new URL(endpoint)
  if (env.FUNCTIONS_EMULATOR === 'true' && url.protocol === 'http:' && url.hostname === '127.0.0.1') return true
  return url.protocol === 'https:' && PUSH_HOSTS.some((h) => h.test(url.hostname))
}

function parse<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> {
  const parsed = v.safeParse(schema, data)
  if (!parsed.success) {
    const issue = firstIssue(parsed.issues)
    throw typedError('invalid', issue.message, issue.field ? { field: issue.field } : {})
  }
  return parsed.output
}

/** Stores (or refreshes) the caller's subscription for this device. */
export async function savePushSubscriptionCore(db: Firestore, uid: string, data: unknown, now = Date.now()): Promise<{ saved: true }> {
  const sub = parse(PushSubscriptionSchema, data)
  if (!isPushEndpoint(sub.endpoint)) throw typedError('invalid', 'Not a push service this server sends to', { field: 'endpoint' })
  await db.doc(`${subscriptionsPath(uid)}/${subscriptionId(sub.endpoint)}`).set({
    endpoint: sub.endpoint,
    keys: sub.keys,
    ...(sub.locale ? { locale: sub.locale } : {}),
    savedAt: now,
  })
  return { saved: true }
}

/** Removes the caller's subscription for this endpoint (no error when there is none). */
export async function deletePushSubscriptionCore(db: Firestore, uid: string, data: unknown): Promise<{ deleted: true }> {
  const { endpoint } = parse(DeletePushSubscriptionSchema, data)
  await db.doc(`${subscriptionsPath(uid)}/${subscriptionId(endpoint)}`).delete()
  return { deleted: true }
}
