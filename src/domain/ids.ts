import { v7 as uuidv7 } from 'uuid'

/**
 * Client-generated, time-ordered id (UUIDv7), so a document created offline needs no server
 * round trip and ids sort by creation time.
 */
export function newId(): string {
  return uuidv7()
}

/** Deterministic id for "one per member" documents, e.g. a vote: `${ideaId}__${uid}`. */
export function compositeId(...parts: string[]): string {
  return parts.join('__')
}
