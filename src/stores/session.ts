/** Who is signed in, and the actions that change it. Firebase loads lazily behind the AuthPort. */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { clearLastSeen } from '@/db/last-seen'
import { wipeLocalData } from '@/db/wipe'
import { loadPlatform } from '@/platform/load'
import type { AuthPort, JoinResult, Session } from '@/sync/ports'

export const useSessionStore = defineStore('session', () => {
  const session = shallowRef<Session | null>(null)
  const ready = ref(false)
  /** Why the session could not be restored (shown on the account page), or null. */
  const error_ = ref<string | null>(null)
  /**
   * The server ended the last session on this device (the account was deleted or disabled, or signed
   * out everywhere): how many unsent changes were kept (0: the device was wiped). Shown on the
   * account page in the language on screen; null otherwise.
   */
  const ended = ref<{ unsent: number } | null>(null)
  const signedIn = computed(() => session.value !== null)
  const isManager = computed(() => session.value?.role === 'lead' || session.value?.role === 'admin')
  /** What came of the join by email address tried for the signed-in person (see joinByDomain). */
  const domainJoin = ref<DomainJoin | null>(null)
  /** A word for the page the person lands on after leaving (Home says the account was deleted); cleared by the next sign-in. */
  const notice = ref<'account-deleted' | null>(null)
  let auth: AuthPort | null = null
  let starting: Promise<void> | null = null
  let domainJoinFor: { uid: string; attempt: Promise<void> } | null = null

  return {
    session,
    ready,
    error: error_,
    ended,
    signedIn,
    isManager,
    init,
    signUp,
    signIn,
    signOut,
    join,
    domainJoin,
    joinByDomain,
    notice,
    refresh,
    sendSignInLink,
    completeSignInLink,
    sendPasswordReset,
    checkPasswordReset,
    confirmPasswordReset,
  }

  /** Restores the persisted session; safe to call many times. */
  function init(): Promise<void> {
    starting ??= (async () => {
      try {
        auth = (await loadPlatform()).auth
        auth.onChange((s, ended) => void adopt(s, ended))
        const current = await auth.current()
        await adopt(current, current === null && (await droppedWhileAway()))
      } catch (error) {
        // Without the platform (e.g. offline before it was ever cached) the app still works locally.
        starting = null
        error_.value = error instanceof Error ? error.message : String(error)
        throw error
      } finally {
        ready.value = true
      }
      error_.value = null
    })()
    return starting
  }

  async function port(): Promise<AuthPort> {
    await init()
    return auth as AuthPort
  }

  async function signUp(email: string, password: string, displayName: string) {
    // Firebase announces the new account before its name is set: keep the typed name until the
    // member has joined, so no order of events (a quick "Join", a reload) falls back to the email.
    localStorage.setItem(TYPED_NAME_KEY, JSON.stringify({ email: email.trim().toLowerCase(), displayName }))
    await adopt(await (await port()).signUp(email, password, displayName))
    // An address an institution registered joins it straight away: no tap, no code.
    await joinByDomain()
  }

  async function signIn(email: string, password: string) {
    await adopt(await (await port()).signIn(email, password))
  }

  async function sendSignInLink(email: string) {
    await (await port()).sendSignInLink(email, `${location.origin}/account`)
  }

  /** Emails a link to set a new password; the link opens the account page with its code. */
  async function sendPasswordReset(email: string) {
    await (await port()).sendPasswordReset(email, `${location.origin}/account`)
  }

  /** The address a reset code belongs to (rejects with an AuthError 'linkExpired' when it is spent or old). */
  async function checkPasswordReset(code: string): Promise<string> {
    return (await port()).checkPasswordReset(code)
  }

  async function confirmPasswordReset(code: string, newPassword: string) {
    await (await port()).confirmPasswordReset(code, newPassword)
  }

  /** Finishes a passwordless sign-in when the app was opened from the emailed link. */
  async function completeSignInLink(): Promise<void> {
    const email = localStorage.getItem('th-link-email')
    if (!email || !location.search.includes('oobCode')) return
    const next = await (await port()).completeSignInLink(location.href, email)
    if (next) {
      localStorage.removeItem('th-link-email')
      await adopt(next)
    }
  }

  /** Joins with the name typed at sign-up, else the account's name, else the email's first part. */
  async function join(input: { joinCode?: string } = {}): Promise<JoinResult> {
    const s = session.value
    const displayName = (s && typedNameFor(s.email)) ?? s?.displayName ?? s?.email.split('@')[0] ?? 'Technician'
    const result = await (await port()).joinInstitution({ displayName, ...input })
    if (result.ok) {
      localStorage.removeItem(TYPED_NAME_KEY)
      await refresh()
    }
    return result
  }

  /**
   * Joins the signed-in person's institution by their email address, once per account (again only
   * when `again`: after verifying the address, or after a failure). Called straight after sign-up
   * and whenever the join panel opens (a sign-in link, an account not yet a member), so nobody taps
   * a button that cannot work for them: `domainJoin` says whether a join code is the way in.
   */
  function joinByDomain(options: { again?: boolean } = {}): Promise<void> {
    const s = session.value
    if (!s || s.institutionId) return Promise.resolve()
    if (domainJoinFor?.uid === s.uid && !options.again) return domainJoinFor.attempt
    const attempt = (async () => {
      domainJoin.value = { status: 'joining' }
      let result: JoinResult
      try {
        result = await join()
      } catch (error) {
        result = { ok: false, code: 'invalid', message: error instanceof Error ? error.message : String(error) }
      }
      if (result.ok) domainJoin.value = null
      else if (result.code === 'unknown-domain') domainJoin.value = { status: 'no-match' }
      else if (result.reason === 'email-unverified') domainJoin.value = { status: 'unverified' }
      else if (result.code === 'already-member') {
        // Joined meanwhile (another device, or a claims step that failed): the claims say where.
        domainJoin.value = null
        await refresh().catch(() => undefined)
      } else domainJoin.value = { status: 'failed', refusal: result }
    })()
    domainJoinFor = { uid: s.uid, attempt }
    return attempt
  }

  async function refresh() {
    await adopt(await (await port()).refresh())
  }

  async function signOut() {
    const { db } = await import('@/db/database')
    // Marks a device that still holds someone's data as signed out on purpose (see droppedWhileAway).
    if (await db.meta.get('uid')) await db.meta.put({ key: 'signedOut', value: true })
    await (await port()).signOut()
    await adopt(null)
  }

  /**
   * Firebase drops a persisted user at start-up when the server refuses it for good (deleted,
   * disabled, signed out everywhere) while the app was closed. A device that holds someone's data
   * but was not signed out on purpose was dropped that way: it is treated as ended by the server.
   */
  async function droppedWhileAway(): Promise<boolean> {
    const { db } = await import('@/db/database')
    const [uid, signedOut] = await Promise.all([db.meta.get('uid'), db.meta.get('signedOut')])
    return typeof uid?.value === 'string' && uid.value !== '' && signedOut?.value !== true
  }

  /**
   * A different person on this device starts from an empty local store. A session the server
   * ended (`ended`: the account was deleted or disabled on another device, or all its sessions
   * revoked) leaves nothing behind either — sync stops and every local table is emptied — unless
   * changes are still waiting to be sent: those are never dropped, and stay for the same person.
   */
  async function adopt(next: Session | null, endedByServer = false) {
    if (endedByServer) {
      session.value = null
      clearLastSeen()
      const { db } = await import('@/db/database')
      localStorage.removeItem('th-link-email')
      // A revoked session (a password changed elsewhere) looks the same as a deleted account: changes
      // not yet sent stay, to go when the same person signs in again; anyone else starts empty.
      const unsent = await db.outbox.count()
      if (unsent > 0) {
        ended.value = { unsent }
        return
      }
      await wipeLocalData(db)
      ended.value = { unsent: 0 }
      return
    }
    if (next && !next.displayName) {
      // The account's name may not be set yet (or this event raced it): the typed one stands.
      const typed = typedNameFor(next.email)
      if (typed) next = { ...next, displayName: typed }
    }
    if (next) {
      // Dexie loads with the first session, not with the shell.
      const { db } = await import('@/db/database')
      const previous = (await db.meta.get('uid'))?.value
      if (previous && previous !== next.uid) await wipeLocalData(db)
      await db.meta.put({ key: 'uid', value: next.uid })
      await db.meta.delete('signedOut')
      ended.value = null
      notice.value = null
    }
    if (next?.uid !== domainJoinFor?.uid) {
      // Someone else (or no one): their join by address is still to try.
      domainJoinFor = null
      domainJoin.value = null
    }
    // The pages' last-seen pictures are this person's: they go when no one is signed in.
    if (!next) clearLastSeen()
    session.value = next
  }
})

/**
 * The join by email address: under way; no institution registered the domain (a join code is the
 * way in); the institution wants a verified address first; or refused for another reason.
 */
export type DomainJoin =
  | { status: 'joining' }
  | { status: 'no-match' }
  | { status: 'unverified' }
  | { status: 'failed'; refusal: Extract<JoinResult, { ok: false }> }

const TYPED_NAME_KEY = 'th-typed-name'

/** The name typed at sign-up on this device for `email`, until that member has joined. */
function typedNameFor(email: string): string | null {
  try {
    const saved = JSON.parse(localStorage.getItem(TYPED_NAME_KEY) ?? 'null') as { email?: unknown; displayName?: unknown } | null
    return saved && saved.email === email.trim().toLowerCase() && typeof saved.displayName === 'string' && saved.displayName.trim()
      ? saved.displayName
      : null
  } catch {
    return null
  }
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
