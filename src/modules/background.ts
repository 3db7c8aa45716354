/**
 * Starts what runs behind the UI once the shell has painted: restoring the session (which loads
 * Firebase lazily) and syncing while a member is signed in.
 */
import type { Pinia } from 'pinia'
import { computed, watch } from 'vue'
import { startEvidenceUploads } from '@/features/cpd/evidence/evidence-uploads'
import { followSyncedLocale } from '@/composables/follow-locale'
import { loadPlatform } from '@/platform/load'
import { appSurveyQueue, provideSurveyPort } from '@/survey-engine'
import { useSessionStore } from '@/stores/session'
import { useSyncStore } from '@/stores/sync'

export function startBackground(pinia: Pinia): void {
  const session = useSessionStore(pinia)
  const sync = useSyncStore(pinia)
  syncWhileSignedIn(session, sync)
  // A sync refused for the session: refresh the token, which is how a deleted or disabled
  // account (deleted on another device) is noticed before its token expires; the session store
  // then signs out and wipes this device.
  watch(
    () => sync.authFailures,
    () => void session.refresh().catch(() => undefined),
  )
  // The language follows the person's synced choice, else their institution's default, unless chosen on this device.
  followSyncedLocale(pinia)
  // Evidence files attached offline upload in the background, whichever screen is open.
  startEvidenceUploads(pinia)
  // Survey answers queued offline send from whichever screen is open, through the platform's
  // survey port once Firebase has loaded and the signed-in session (if any) is restored.
  provideSurveyPort(async () => {
    const platform = await loadPlatform()
    await platform.auth.current()
    return platform.surveys
  })
  appSurveyQueue()
  // main.ts starts all this once the page has loaded and its main thread is idle.
  void session.init().then(
    () => session.completeSignInLink(),
    () => undefined,
  )
}

/**
 * Syncs for whoever is signed in, restarting only when who is syncing changes (not on every token
 * refresh). Immediate: a page such as the account page restores the session on mount, which can
 * be before this starts (after first paint, when the main thread is idle); without it, a session
 * already restored by then would never sync.
 */
export function syncWhileSignedIn(
  session: Pick<ReturnType<typeof useSessionStore>, 'session'>,
  sync: Pick<ReturnType<typeof useSyncStore>, 'start' | 'stop'>,
): void {
  const who = computed(() =>
    session.session ? `${session.session.uid}|${session.session.institutionId ?? ''}|${session.session.role ?? ''}` : null,
  )
  watch(
    who,
    (key) => {
      if (key && session.session) void sync.start(session.session)
      else sync.stop()
    },
    { immediate: true },
  )
}
