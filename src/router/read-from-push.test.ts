import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { markReadFromPush } from './read-from-push'

const Page = { render: () => null }

function routerWatching(markRead: (id: string) => Promise<void>): Router {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/inbox', component: Page },
      { path: '/surveys/:id', component: Page },
    ],
  })
  markReadFromPush(router, markRead)
  return router
}

describe('a tapped push notification', () => {
  it('opens its link, marks that notification read and drops ?read from the address', async () => {
    const markRead = vi.fn(async () => undefined)
    const router = routerWatching(markRead)
    await router.push('/surveys/s1?tab=results&read=n-1#q2')
    expect(markRead).toHaveBeenCalledWith('n-1')
    expect(router.currentRoute.value.fullPath).toBe('/surveys/s1?tab=results#q2')
  })

  it('marks nothing on an ordinary navigation', async () => {
    const markRead = vi.fn(async () => undefined)
    const router = routerWatching(markRead)
    await router.push('/inbox?tab=all')
    expect(markRead).not.toHaveBeenCalled()
    expect(router.currentRoute.value.fullPath).toBe('/inbox?tab=all')
  })

  it('still opens the page when marking fails (no such notification on this device yet)', async () => {
    const router = routerWatching(async () => Promise.reject(new Error('not here')))
    await router.push('/inbox?read=gone')
    expect(router.currentRoute.value.fullPath).toBe('/inbox')
  })
})
