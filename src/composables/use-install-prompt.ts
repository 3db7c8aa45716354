import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, type ComputedRef } from 'vue'

export const INSTALL_DISMISSED_KEY = 'technician-hub:install-dismissed'

export interface UseInstallPromptOptions {
  window?: Window
  /** Where the dismissal is remembered; defaults to localStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>
}

export interface InstallPrompt {
  /** True while the browser offers installation and the user has not answered us yet. */
  canOffer: ComputedRef<boolean>
  /** Shows the browser's install dialog; the offer is not made again whatever the answer. */
  install(): Promise<void>
  /** "Not now": remembered on this device, so the app never nags. */
  dismiss(): void
}

/** Captures `beforeinstallprompt` so the app can offer installation once, at a moment it chooses. */
export function useInstallPrompt(options: UseInstallPromptOptions = {}): InstallPrompt {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window)
  const storage = options.storage ?? safeLocalStorage(win)
  const deferred = shallowRef<BeforeInstallPromptEvent | null>(null)
  const answered = ref(storage?.getItem(INSTALL_DISMISSED_KEY) === '1')

  const onPrompt = (event: BeforeInstallPromptEvent) => {
    // Stop Chromium's own mini-infobar; we offer once, in a banner the user can dismiss.
    event.preventDefault()
    deferred.value = event
  }
  const onInstalled = () => remember()
  win?.addEventListener('beforeinstallprompt', onPrompt)
  win?.addEventListener('appinstalled', onInstalled)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      win?.removeEventListener('beforeinstallprompt', onPrompt)
      win?.removeEventListener('appinstalled', onInstalled)
    })
  }

  return {
    canOffer: computed(() => deferred.value !== null && !answered.value),
    install,
    dismiss: remember,
  }

  async function install() {
    const event = deferred.value
    remember()
    if (!event) return
    await event.prompt()
    await event.userChoice
  }

  function remember() {
    answered.value = true
    deferred.value = null
    try {
      storage?.setItem(INSTALL_DISMISSED_KEY, '1')
    } catch {
      // Private mode or a full quota: the banner simply stays dismissed for this visit.
    }
  }
}

function safeLocalStorage(win: Window | undefined): Storage | undefined {
  try {
    return win?.localStorage
  } catch {
    return undefined
  }
}
