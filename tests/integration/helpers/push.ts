/** Building mutations and pushing them through the real `syncPush` callable. */
import { expect } from 'vitest'
import type { CollectionName } from '@/domain/collections'
import type { Mutation, MutationOp, MutationResult } from '@/domain/sync'
import { call, callOk } from './callable'
import { RUN } from './env'
import type { TestUser } from './users'

let seq = 0

/** A unique mutation id (8–64 chars of [\w-]). */
export function mutationId(): string {
  return `m-${RUN}-${(seq++).toString(36)}`
}

/** A unique document id. */
export function docId(prefix = 'd'): string {
  return `${prefix}-${RUN}-${(seq++).toString(36)}`
}

export function mutation(
  collection: CollectionName,
  id: string,
  op: MutationOp,
  payload: Record<string, unknown>,
  clientTime = Date.now(),
): Mutation {
  return { mutationId: mutationId(), collection, docId: id, op, payload, clientTime }
}

export async function push(user: TestUser, mutations: unknown[]): Promise<MutationResult[]> {
  const { results } = await callOk<{ results: MutationResult[] }>('syncPush', { mutations }, user.idToken)
  return results
}

/** Push one mutation; its result. */
export async function pushOne(user: TestUser, m: unknown): Promise<MutationResult> {
  const [r] = await push(user, [m])
  return r!
}

/** Expect `r` applied; it, narrowed. */
export function applied(r: MutationResult | undefined): Extract<MutationResult, { status: 'applied' }> {
  expect(r, JSON.stringify(r)).toMatchObject({ status: 'applied' })
  return r as Extract<MutationResult, { status: 'applied' }>
}

/** Expect `r` rejected with `code` (and `field`); it, narrowed. */
export function rejected(r: MutationResult | undefined, code: string, field?: string): Extract<MutationResult, { status: 'rejected' }> {
  expect(r, JSON.stringify(r)).toMatchObject({ status: 'rejected', code, ...(field ? { field } : {}) })
  return r as Extract<MutationResult, { status: 'rejected' }>
}

export { call }
