/**
 * The server's ledger of applied mutations, shared by the push callable and the in-memory server:
 * a mutation id names one change. A replay of the same change gets its recorded result; the same
 * id with different content is refused with a typed error (never answered "applied").
 */
import { fingerprint } from './sets'
import type { Mutation, MutationResult } from './sync'

/** Everything but the id: what a replay must repeat exactly. */
export function mutationFingerprint(m: Mutation): string {
  const { mutationId: _id, ...content } = m
  return fingerprint(content)
}

export function reusedIdResult(m: Mutation): MutationResult {
  return {
    mutationId: m.mutationId,
    status: 'rejected',
    docId: m.docId,
    code: 'mutation-id-reused',
    message: 'This change id was already used for a different change; it was not applied',
  }
}
