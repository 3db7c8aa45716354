import { LOCALE_CACHE, LOCALE_URL } from '@/sw/push-handler'

/**
 * Leaves the language the app is shown in where the service worker reads it (Cache Storage), so a
 * push notification's title is in the same language as the app on this device.
 */
export async function shareLocaleWithWorker(locale: string, storage: CacheStorage | undefined = globalThis.caches): Promise<void> {
  if (!storage) return
  try {
    await (await storage.open(LOCALE_CACHE)).put(LOCALE_URL, new Response(locale, { headers: { 'content-type': 'text/plain' } }))
  } catch {
    // Cache Storage refused (private mode, storage full): the worker falls back to the device's language.
  }
}
