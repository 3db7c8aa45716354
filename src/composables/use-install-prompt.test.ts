import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { INSTALL_DISMISSED_KEY, useInstallPrompt } from './use-install-prompt'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

function promptEvent() {
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    platforms: ['web'],
    prompt: vi.fn(async () => undefined),
    userChoice: Promise.resolve({ outcome: 'accepted' as const, platform: 'web' }),
  })
  return event
}

describe('useInstallPrompt', () => {
  it('offers installation once the browser allows it, and prompts on install', async () => {
    const win = new EventTarget() as unknown as Window
    const storage = memoryStorage()
    const scope = effectScope()
    const prompt = scope.run(() => useInstallPrompt({ window: win, storage }))!
    expect(prompt.canOffer.value).toBe(false)
    const event = promptEvent()
    win.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    expect(prompt.canOffer.value).toBe(true)
    await prompt.install()
    expect(event.prompt).toHaveBeenCalledOnce()
    expect(prompt.canOffer.value).toBe(false)
    expect(storage.data.get(INSTALL_DISMISSED_KEY)).toBe('1')
    scope.stop()
  })

  it('never offers again after a dismissal on this device', () => {
    const win = new EventTarget() as unknown as Window
    const scope = effectScope()
    const prompt = scope.run(() => useInstallPrompt({ window: win, storage: memoryStorage({ [INSTALL_DISMISSED_KEY]: '1' }) }))!
    win.dispatchEvent(promptEvent())
    expect(prompt.canOffer.value).toBe(false)
    scope.stop()
  })
})
