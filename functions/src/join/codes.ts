/** Pure pieces of joining an institution: input shape, domain matching, join-code hashing. */
import { createHash } from 'node:crypto'
import * as v from 'valibot'
import { requiredText } from '@/domain/common'

export const JoinInputSchema = v.strictObject({
  displayName: requiredText(100, 'Name'),
  joinCode: v.optional(
    v.pipe(
      v.string('A join code is text'),
      v.trim(),
      v.minLength(4, 'A join code has at least 4 characters'),
      v.maxLength(64, 'A join code has at most 64 characters'),
    ),
  ),
})
export type JoinInput = v.InferOutput<typeof JoinInputSchema>

/** Bad join codes allowed per uid per window before `rate-limited`. */
export const MAX_BAD_CODES = 5
export const BAD_CODE_WINDOW_MS = 60 * 60 * 1000
/**
 * Join-code attempts allowed per window: per account, per network address (across accounts) and
 * across all institutions (every bad code is a guess at each institution's code).
 */
export const JOIN_CODE_LIMITS = { perAccount: MAX_BAD_CODES, perAddress: 10, allInstitutions: 100 }

/**
 * Where an institution's join-code hashes live: `institutionSecrets/{institutionId}`, field
 * `joinCodeHashes`. Never on the institution document, which every member reads (a short code
 * could be guessed offline against its hash); the rules let no client read this one.
 */
export const SECRETS_COLLECTION = 'institutionSecrets'
export const secretsPath = (institutionId: string) => `${SECRETS_COLLECTION}/${institutionId}`

/**
 * Codes are compared case-insensitively, ignoring spaces and dashes, so "tc-4821 ab" and
 * "TC4821AB" are the same code. Store `hashJoinCode(code)` in `joinCodeHashes` of the
 * institution's secrets document (`secretsPath`).
 */
export function normaliseJoinCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase()
}

/** sha256 hex of the normalised code. */
export function hashJoinCode(code: string): string {
  return createHash('sha256').update(normaliseJoinCode(code), 'utf8').digest('hex')
}

/**
 * Domains an address can match, most specific first: `a@chem.leeds.ac.uk` →
 * [chem.leeds.ac.uk, leeds.ac.uk, ac.uk]. Single labels are never candidates.
 */
export function domainCandidates(email: string): string[] {
  const at = email.lastIndexOf('@')
  if (at < 1) return []
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) return []
  const labels = domain.split('.').filter(Boolean)
  const out: string[] = []
  for (let i = 0; i + 2 <= labels.length && out.length < 10; i++) out.push(labels.slice(i).join('.'))
  return out
}

/** Rate-limit window state after one more bad code; `limited` when over the cap. */
export interface RateWindow {
  windowStart: number
  count: number
}

/** Is the caller currently blocked from trying codes? */
export function isRateLimited(w: RateWindow | null, now: number, max = MAX_BAD_CODES): boolean {
  return !!w && now - w.windowStart < BAD_CODE_WINDOW_MS && w.count >= max
}

/** The window after recording one attempt. */
export function recordAttempt(w: RateWindow | null, now: number): RateWindow {
  if (!w || now - w.windowStart >= BAD_CODE_WINDOW_MS) return { windowStart: now, count: 1 }
  return { windowStart: w.windowStart, count: w.count + 1 }
}
