// @vitest-environment happy-dom
/** Issue 15: push is turned on only by the member's tap, and "on" means the server holds the subscription. */
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { usePush, type PushEnv } from './use-push'

const KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'
const P256DH = 'B'.repeat(87)

function setup(options: {
  permission?: NotificationPermission
  answer?: NotificationPermission
  online?: boolean
  saved?: boolean
  noWorker?: boolean
}) {
  let permission: NotificationPermission = options.permission ?? 'default'
  let subscribed = false
  const unsubscribe = vi.fn(async () => {
    subscribed = false
    return true
  })
  const subscription = {
    endpoint: 'https://push.example/abc',
    toJSON: () => ({ endpoint: 'https://push.example/abc', keys: { p256dh: P256DH, auth: 'a'.repeat(22) } }),
    unsubscribe,
  }
  const subscribe = vi.fn(async () => {
    subscribed = true
    return subscription
  })
  const requestPermission = vi.fn(async () => (permission = options.answer ?? 'granted'))
  const env: PushEnv = {
    online: () => options.online ?? true,
    permission: () => permission,
    requestPermission,
    registration: async () =>
      options.noWorker
        ? null
        : ({
            pushManager: { subscribe, getSubscription: async () => (subscribed ? subscription : null) },
          } as unknown as ServiceWorkerRegistration),
  }
  const port = {
    vapidPublicKey: () => KEY,
    subscribe: vi.fn(async () =>
      options.saved === false ? { ok: false as const, offline: false, code: 'invalid' } : { ok: true as const },
    ),
    unsubscribe: vi.fn(async () => ({ ok: true as const })),
  }
  let push!: ReturnType<typeof usePush>
  mount(
    defineComponent({
      setup() {
        push = usePush({ env, port: async () => port, locale: () => 'cy' })
        return () => null
      },
    }),
  )
  return { push: () => push, port, subscribe, unsubscribe, requestPermission }
}

describe('push on this device', () => {
  it('asks nothing on opening; a tap asks permission, subscribes with the VAPID key and gives the server the subscription', async () => {
    const s = setup({})
    await flushPromises()
    expect(s.push().state.value).toBe('off')
    expect(s.requestPermission).not.toHaveBeenCalled()
    await s.push().turnOn()
    expect(s.subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: KEY })
    expect(s.port.subscribe).toHaveBeenCalledWith({
      endpoint: 'https://push.example/abc',
      keys: { p256dh: P256DH, auth: 'a'.repeat(22) },
      locale: 'cy',
    })
    expect(s.push().state.value).toBe('on')

    await s.push().turnOff()
    expect(s.unsubscribe).toHaveBeenCalled()
    await vi.waitFor(() => expect(s.port.unsubscribe).toHaveBeenCalledWith('https://push.example/abc'))
    expect(s.push().state.value).toBe('off')
  })

  it('undoes the browser subscription when the server does not take it', async () => {
    const s = setup({ saved: false })
    await s.push().turnOn()
    expect(s.unsubscribe).toHaveBeenCalled()
    expect(s.push().state.value).toBe('off')
    expect(s.push().problem.value).toBe('failed')
  })

  it('says why it cannot: blocked, offline, or a browser without push', async () => {
    const blocked = setup({ answer: 'denied' })
    await blocked.push().turnOn()
    expect(blocked.push().state.value).toBe('denied')
    expect(blocked.subscribe).not.toHaveBeenCalled()

    const offline = setup({ online: false })
    await offline.push().turnOn()
    expect(offline.push().problem.value).toBe('offline')
    expect(offline.requestPermission).not.toHaveBeenCalled()

    const none = setup({ noWorker: true })
    await flushPromises()
    expect(none.push().state.value).toBe('unsupported')
    const denied = setup({ permission: 'denied' })
    await flushPromises()
    expect(denied.push().state.value).toBe('denied')
  })
})
