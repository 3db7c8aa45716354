/**
 * The mixing pool of a survey's answers: why a response cannot be joined to its receipt.
 *
 * A receipt (who answered: the HMAC of their uid) is created at the moment someone answers, and
 * Firestore stamps it with an exact create time nobody can remove. If the answer were written as
 * its own document at that moment, its own create time (even from a separate commit, a few ms
 * later) would sort it next to its receipt. So an answer first waits in one pool document per
 * survey (`surveys/{id}/pool/waiting`, a map of answer key → answer: no time per entry, no order),
 * and answers leave the pool only in groups of {@link GROUP}, chosen at random among the waiting
 * ones, written in one commit as `responses/{key}`. While a survey is open, at least
 * {@link FLOOR} answers always stay behind, so the newest answer is never alone in the pool.
 *
 * The same groups make results non-differenceable: results, free texts and the CSV export count
 * only answers that left the pool (tests/integration/surveys-anonymity.test.ts), so what they
 * show changes only when a group of five arrives. When a survey has closed, the next results call
 * moves every complete group out; fewer than five left over are never shown.
 */
import { randomInt } from 'node:crypto'
import { FieldPath, FieldValue, type Firestore } from 'firebase-admin/firestore'
import { MIN_RESPONSES } from '@/survey-engine/rules'
import { typedError } from '../errors'
import { jsonBytes } from '../push/doc'
import { countResponses } from '../aggregates/store'

/** How many answers leave the pool together: the smallest group results ever show. */
export const GROUP = MIN_RESPONSES
/** How many answers always stay waiting while a survey is open. */
export const FLOOR = MIN_RESPONSES
/** Above this, groups leave the pool even below the floor (Firestore's 1 MiB document limit). */
const MAX_POOL_BYTES = 512 * 1024

export const poolRef = (db: Firestore, inst: string, surveyId: string) => db.doc(`institutions/${inst}/surveys/${surveyId}/pool/waiting`)
export const responsesOf = (db: Firestore, inst: string, surveyId: string) =>
  db.collection(`institutions/${inst}/surveys/${surveyId}/responses`)

/** The answers waiting in the pool, by key. */
export function poolEntries(data: Record<string, unknown> | undefined): Record<string, Record<string, unknown>> {
  const e = data?.e
  return typeof e === 'object' && e !== null ? (e as Record<string, Record<string, unknown>>) : {}
}

/** Puts (or replaces) one answer in the pool; never touches the other waiting answers. */
export async function addToPool(db: Firestore, inst: string, surveyId: string, key: string, response: object): Promise<void> {
  const ref = poolRef(db, inst, surveyId)
  const field = new FieldPath('e', key)
  try {
    await ref.set({ e: { [key]: response } }, { mergeFields: [field] })
  } catch (error) {
    // The pool document would pass 1 MiB (very long answers): let groups out, then try once more.
    if ((error as { code?: unknown }).code !== INVALID_ARGUMENT) throw error
    await mixOut(db, inst, surveyId, { closed: false, force: true })
    await ref.set({ e: { [key]: response } }, { mergeFields: [field] }).catch((again: { code?: unknown }) => {
      throw again.code === INVALID_ARGUMENT
        ? typedError('too-large', 'Your answers are too long to store; shorten the longest ones')
        : again
    })
  }
  const snap = await ref.get()
  const waiting = Object.keys(poolEntries(snap.data())).length
  if (waiting >= FLOOR + GROUP || jsonBytes(snap.data()) > MAX_POOL_BYTES) await mixOut(db, inst, surveyId, { closed: false })
}

/**
 * Moves random groups of {@link GROUP} answers from the pool to `responses` in one commit (one
 * time for all of them). Open: keeps {@link FLOOR} waiting. Closed: keeps only the remainder under
 * a group. `force`: lets one group out even below the floor (pool too large).
 *
 * Optimistic, not a transaction: the commit carries the pool's update time as a precondition, so
 * it fails (and is tried again on a fresh read) if an answer arrived meanwhile. Answers keep
 * arriving without waiting on a lock; a busy moment may skip a mix, which the next answer (or the
 * next results call after close) makes up for.
 */
export async function mixOut(db: Firestore, inst: string, surveyId: string, opts: { closed: boolean; force?: boolean }): Promise<number> {
  const ref = poolRef(db, inst, surveyId)
  for (let attempt = 0; attempt < 5; attempt++) {
    const snap = await ref.get()
    const entries = Object.entries(poolEntries(snap.data()))
    const keep = opts.closed ? 0 : FLOOR
    let groups = Math.max(0, Math.floor((entries.length - keep) / GROUP))
    if (groups === 0 && opts.force && entries.length >= GROUP) groups = 1
    if (groups === 0 || !snap.updateTime) return 0
    // Fisher–Yates with a cryptographic generator: which answers leave says nothing of arrival.
    for (let i = entries.length - 1; i > 0; i--) {
      const j = randomInt(i + 1)
      ;[entries[i], entries[j]] = [entries[j]!, entries[i]!]
    }
    const moving = entries.slice(0, groups * GROUP)
    // An edited answer replaces its counted copy: only answers not yet out add to the count.
    const already = await db.getAll(...moving.map(([key]) => responsesOf(db, inst, surveyId).doc(key)), { fieldMask: [] })
    const batch = db.batch()
    countResponses(db, batch, inst, surveyId, already.filter((s) => !s.exists).length)
    for (const [key, response] of moving) batch.set(responsesOf(db, inst, surveyId).doc(key), response)
    const deletes = moving.flatMap(([key]) => [new FieldPath('e', key), FieldValue.delete()])
    batch.update(ref, deletes[0] as FieldPath, deletes[1], ...deletes.slice(2), { lastUpdateTime: snap.updateTime })
    try {
      await batch.commit()
      return moving.length
    } catch (error) {
      if ((error as { code?: unknown }).code !== FAILED_PRECONDITION) throw error
    }
  }
  return 0
}

const FAILED_PRECONDITION = 9
const INVALID_ARGUMENT = 3
