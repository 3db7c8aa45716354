import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { useInstallPrompt } from '@/composables/use-install-prompt'
import { useOnline } from '@/composables/use-online'

/** App-wide UI state of the shell: connectivity, the install offer and the update prompt. */
export const useUiStore = defineStore('ui', () => {
  const online = useOnline()
  const installPrompt = useInstallPrompt()
  /** A new version is installed and waiting for the user's "Reload". */
  const updateAvailable = ref(false)
  /** The app shell is cached: the app will open with no network. */
  const offlineReady = ref(false)
  let applyUpdate: (() => Promise<void>) | null = null
  /** The address of a page whose code or words could not be fetched (null once a page shows). */
  const routeFailed = ref<string | null>(null)

  return {
    online,
    canOfferInstall: installPrompt.canOffer,
    install: installPrompt.install,
    dismissInstall: installPrompt.dismiss,
    updateAvailable,
    offlineReady,
    offerUpdate,
    reloadForUpdate,
    dismissUpdate,
    markOfflineReady,
    routeFailed,
  }

  /** Called by the service worker registration when a new version is waiting. */
  function offerUpdate(apply: () => Promise<void>) {
    applyUpdate = apply
    updateAvailable.value = true
  }

  /** Activates the waiting version; the page reloads when it takes control. */
  async function reloadForUpdate() {
    updateAvailable.value = false
    if (applyUpdate) await applyUpdate()
  }

  function dismissUpdate() {
    updateAvailable.value = false
  }

  function markOfflineReady() {
    offlineReady.value = true
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUiStore, import.meta.hot))
