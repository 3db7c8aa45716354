/** Sync follows the signed-in person, whenever the session was restored. */
import { describe, expect, it, vi } from 'vitest'
import { nextTick, reactive } from 'vue'
import type { Session } from '@/sync/ports'
import { sessionFor } from '../../tests/support/people'
import { syncWhileSignedIn } from './background'

function stores(signedIn: Session | null) {
  const session = reactive({ session: signedIn as Session | null })
  const sync = { start: vi.fn(async (_: Session) => undefined), stop: vi.fn() }
  syncWhileSignedIn(session, sync)
  return { session, sync }
}

describe('syncWhileSignedIn', () => {
  it('starts for a session restored before it was called (a page restored it on mount)', () => {
    const { sync } = stores(sessionFor())
    expect(sync.start).toHaveBeenCalledTimes(1)
    expect(sync.start.mock.calls[0]?.[0].uid).toBe('me')
  })

  it('starts on sign-in, restarts only when who syncs changes, and stops on sign-out', async () => {
    const { session, sync } = stores(null)
    expect(sync.start).not.toHaveBeenCalled()
    session.session = sessionFor()
    await nextTick()
    expect(sync.start).toHaveBeenCalledTimes(1)
    // A token refresh: a new session object for the same person, institution and role.
    session.session = sessionFor()
    await nextTick()
    expect(sync.start).toHaveBeenCalledTimes(1)
    session.session = sessionFor({ role: 'lead', uid: 'me' })
    await nextTick()
    expect(sync.start).toHaveBeenCalledTimes(2)
    const stops = sync.stop.mock.calls.length
    session.session = null
    await nextTick()
    expect(sync.stop).toHaveBeenCalledTimes(stops + 1)
  })
})
