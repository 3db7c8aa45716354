/**
 * A person chooses, an institution defaults. The language switch shows the choice, remembers it
 * on this device and, for a member with a profile, on the profile (through the outbox, so it syncs
 * to their other devices). While signed in, a device with no choice of its own follows the synced
 * choice, else the institution's default (follow-locale.ts).
 *
 * The switch is in the shell (the entry chunk): Dexie is loaded only when a member chooses.
 */
import type { Reads } from '@/db/read'
import type { Repos } from '@/db/repos'
import { setLocale } from '@/i18n'
import type { Locale } from '@/i18n/locales'
import { useSessionStore } from '@/stores/session'

export interface LanguageDeps {
  reads?: Reads
  repos?: Repos
}

/** Shows `locale`, remembers it on this device and, when `uid` has a profile here, on the profile (synced). */
export async function chooseLocale(locale: Locale, uid: string | null, deps: LanguageDeps = {}): Promise<void> {
  await setLocale(locale, { remember: true })
  if (!uid) return
  const reads = deps.reads ?? (await import('@/db/read')).reads
  const profile = await reads.profiles.get(uid)
  if (profile && profile.locale !== locale) await (deps.repos ?? (await import('@/db/repos')).repos).profiles.patch(uid, { locale })
}

/** The language switch's action: `choose(locale)` for whoever is signed in (or nobody). */
export function useLanguageChoice(deps: LanguageDeps = {}): { choose: (locale: Locale) => Promise<void> } {
  const session = useSessionStore()
  return { choose: (locale) => chooseLocale(locale, session.session?.uid ?? null, deps) }
}
