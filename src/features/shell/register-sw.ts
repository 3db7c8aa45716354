import type { useUiStore } from '@/stores/ui'

/** How often an open app asks the server for a new version (deploys show the prompt). */
const UPDATE_CHECK_MS = 60 * 60 * 1000

/**
 * Registers the service worker. The first install takes control of this page at once
 * (clientsClaim); a later version waits until the user presses "Reload" in the update prompt.
 *
 * workbox-window directly rather than `virtual:pwa-register`: its reload-on-control only fires
 * when the page was already controlled at registration, so "Reload" did nothing in a session
 * that began with the very first install.
 */
export async function registerServiceWorker(ui: ReturnType<typeof useUiStore>): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  // After the load event: the first paint never waits for the worker or its precache downloads.
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }))
  const { Workbox } = await import('workbox-window')
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })

  // Also fires at start-up when a version was left waiting, e.g. after "Later".
  wb.addEventListener('waiting', () => {
    ui.offerUpdate(async () => {
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true })
      wb.messageSkipWaiting()
    })
  })
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate) ui.markOfflineReady()
  })

  try {
    const registration = await wb.register()
    setInterval(() => {
      if (navigator.onLine && !registration?.installing) void registration?.update()
    }, UPDATE_CHECK_MS)
  } catch (error) {
    console.error('Service worker registration failed', error)
  }
}
