/**
 * A device with no language chosen on it follows the person's synced choice, else their
 * institution's default (see use-language.ts for the choosing side). Started with the background
 * work (src/modules/background.ts), so Dexie stays out of the entry chunk.
 */
import type { Pinia } from 'pinia'
import { computed, effectScope, watch } from 'vue'
import { reads as defaultReads, type Reads } from '@/db/read'
import { chosenLocale, i18n, rememberFollowedLocale, setLocale } from '@/i18n'
import { isLocale, resolveLocale } from '@/i18n/locales'
import { useSessionStore } from '@/stores/session'
import { useLiveQuery } from './use-live-query'

/**
 * While someone is signed in, shows the language `resolveLocale` picks from this device's choice,
 * their synced choice, their institution's default and the browser's languages, and follows each
 * as it changes (a pull brings the profile or the institution). Signed out, what is shown stays.
 * Returns a stop function.
 */
export function followSyncedLocale(pinia: Pinia, deps: { reads?: Reads; browser?: () => readonly string[] } = {}): () => void {
  const reads = deps.reads ?? defaultReads
  const browser = deps.browser ?? (() => (typeof navigator === 'undefined' ? [] : navigator.languages))
  const scope = effectScope(true)
  scope.run(() => {
    const session = useSessionStore(pinia)
    const who = computed(() => (session.session ? { uid: session.session.uid, inst: session.session.institutionId ?? null } : null))
    const sources = useLiveQuery(
      async () => {
        const w = who.value
        if (!w) return null
        const [profile, institution] = await Promise.all([reads.profiles.get(w.uid), w.inst ? reads.institutions.get(w.inst) : undefined])
        return { synced: profile?.locale ?? null, institutionDefault: institution?.defaultLocale ?? null }
      },
      { initial: null, deps: () => who.value?.uid + '|' + who.value?.inst },
    )
    watch(sources, (s) => {
      if (!s) return
      const device = chosenLocale()
      const next = resolveLocale({ device, ...s, browser: browser() })
      // The next start opens in it at once (before the profile is read again).
      if (!device) rememberFollowedLocale(isLocale(s.synced) || isLocale(s.institutionDefault) ? next : null)
      if (isLocale(next) && next !== i18n.global.locale.value) void setLocale(next)
    })
  })
  return () => scope.stop()
}
