import { getCurrentScope, onScopeDispose, readonly, ref, type Ref } from 'vue'

export interface UseOnlineOptions {
  /** Injected for tests; defaults to the global window. */
  window?: Window
}

/** Whether the browser believes it has a network connection, kept current by online/offline events. */
export function useOnline(options: UseOnlineOptions = {}): Readonly<Ref<boolean>> {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window)
  const online = ref(win?.navigator.onLine ?? true)
  if (!win) return readonly(online)

  const update = () => {
    online.value = win.navigator.onLine
  }
  win.addEventListener('online', update)
  win.addEventListener('offline', update)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      win.removeEventListener('online', update)
      win.removeEventListener('offline', update)
    })
  }
  return readonly(online)
}
