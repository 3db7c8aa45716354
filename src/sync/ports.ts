/**
 * Ports: what the sync engine and the app need from a backend, with no Firebase types.
 * `src/platform/firebase/` implements them; tests use in-memory implementations.
 */
import type { CollectionName } from '@/domain/collections'
import type { Role } from '@/domain/common'
import type { Checkpoint, Mutation, PushResponse, SyncMeta } from '@/domain/sync'

export interface Session {
  uid: string
  email: string
  emailVerified: boolean
  displayName: string | null
  /** From custom claims; null until the member has joined an institution. */
  institutionId: string | null
  role: Role | null
}

export type JoinResult =
  | { ok: true; institutionId: string; role: Role }
  | {
      ok: false
      code: 'unknown-domain' | 'bad-code' | 'already-member' | 'rate-limited' | 'invalid'
      /** The server's problem (a code and parameters, src/domain/problems.ts), worded by src/ui/field-errors.ts. */
      problem?: string
      /** details.reason, when the server gives one ('email-unverified': the institution wants a verified address). */
      reason?: string
      /** For logs only: never shown (it may be the server's English, or the SDK's). */
      message: string
    }

/** Why a sign-in, sign-up or password reset failed: the view words it (never Firebase's text or code). */
export type AuthFailure =
  'emailInUse' | 'invalidEmail' | 'weakPassword' | 'wrongCredentials' | 'tooManyRequests' | 'offline' | 'linkExpired' | 'other'

/** A failed account action: `reason` is for the view; `message` (the SDK's code) for logs only. */
export class AuthError extends Error {
  constructor(
    readonly reason: AuthFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AuthError'
  }
}

export interface AuthPort {
  /** Current session, or null when signed out. Resolves once the persisted session is restored. */
  current(): Promise<Session | null>
  /**
   * Every change of who is signed in. `ended` is true when the server ended the session rather
   * than this device signing out: the account was deleted or disabled, or every session of it
   * was revoked (its token no longer refreshes). The app then wipes its local data.
   */
  onChange(listener: (session: Session | null, ended?: boolean) => void): () => void
  signUp(email: string, password: string, displayName: string): Promise<Session>
  signIn(email: string, password: string): Promise<Session>
  sendSignInLink(email: string, continueUrl: string): Promise<void>
  completeSignInLink(url: string, email: string): Promise<Session | null>
  sendVerification(): Promise<void>
  /** Emails a link to set a new password (resolves alike whether or not the account exists). */
  sendPasswordReset(email: string, continueUrl: string): Promise<void>
  /** The email address a password-reset code belongs to (rejects with `linkExpired` when it is no longer valid). */
  checkPasswordReset(code: string): Promise<string>
  /** Sets the new password with the emailed code. */
  confirmPasswordReset(code: string, newPassword: string): Promise<void>
  /** Forces a token refresh so new custom claims (institution, role) are seen. */
  refresh(): Promise<Session | null>
  signOut(): Promise<void>
  joinInstitution(input: { displayName: string; joinCode?: string }): Promise<JoinResult>
}

export interface SyncTransport {
  /** Push up to 500 mutations in one round trip; per-mutation results in the same order. */
  push(mutations: Mutation[]): Promise<PushResponse>
  /**
   * One page of a collection's documents after `after`, ordered by (updatedAt, id), at most `limit`.
   * `after` null means from the beginning.
   */
  pull(collection: CollectionName, after: Checkpoint | null, limit: number): Promise<SyncMeta[]>
}

export class TransportError extends Error {
  constructor(
    message: string,
    /** Network/unavailable errors are retried; auth errors wait for sign-in; others surface. */
    readonly kind: 'offline' | 'unauthenticated' | 'server',
  ) {
    super(message)
    this.name = 'TransportError'
  }
}
