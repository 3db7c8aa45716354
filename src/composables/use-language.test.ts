// @vitest-environment happy-dom
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDb, type HubDb } from '@/db/database'
import { createReads, type Reads } from '@/db/read'
import { createRepos, type Repos } from '@/db/repos'
import { i18n, initialLocale, setLocale } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { followSyncedLocale } from './follow-locale'
import { chooseLocale } from './use-language'

let db: HubDb
let reads: Reads
let repos: Repos
let pinia: Pinia
let stop: (() => void) | undefined

const UID = 'u-sian'
const INST = 'inst-1'
const meta = { version: 3, updatedAt: 1, deleted: false, lastMutationId: null }
const profile = (extra: Record<string, unknown> = {}) => ({
  ...meta,
  id: UID,
  institutionId: INST,
  displayName: 'Siân ap Gwŵr',
  email: 'sian@example.ac.uk',
  role: 'technician' as const,
  visibility: 'institution' as const,
  skills: [],
  joinedAt: 1_700_000_000_000,
  ...extra,
})
const institution = (extra: Record<string, unknown> = {}) => ({
  ...meta,
  id: INST,
  name: 'Prifysgol Enghraifft',
  emailDomains: ['example.ac.uk'],
  faculties: [],
  sites: [],
  ...extra,
})

function signIn() {
  useSessionStore(pinia).session = {
    uid: UID,
    email: 'sian@example.ac.uk',
    emailVerified: true,
    displayName: null,
    institutionId: INST,
    role: 'technician',
  }
}

beforeEach(async () => {
  db = createDb(`language-${crypto.randomUUID()}`)
  reads = createReads(db)
  repos = createRepos({ db })
  pinia = createPinia()
  setActivePinia(pinia)
  localStorage.clear()
  await setLocale('en')
})

afterEach(() => {
  stop?.()
  stop = undefined
})

describe('chooseLocale', () => {
  it('remembers the choice on this device and queues it on the profile, so it syncs', async () => {
    await db.profiles.put(profile() as never)
    await chooseLocale('cy', UID, { reads, repos })
    expect(i18n.global.locale.value).toBe('cy')
    expect(localStorage.getItem('th-locale')).toBe('cy')
    expect((await reads.profiles.get(UID))?.locale).toBe('cy')
    const queued = await db.outbox.toArray()
    expect(queued.map((m) => [m.collection, m.docId, m.op, m.payload])).toEqual([['profiles', UID, 'patch', { locale: 'cy' }]])
  })

  it('signed out (or before joining, with no profile), remembers it on this device only', async () => {
    await chooseLocale('cy', null, { reads, repos })
    await chooseLocale('en', UID, { reads, repos })
    expect(localStorage.getItem('th-locale')).toBe('en')
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('followSyncedLocale', () => {
  it('on a device with no choice of its own, shows the institution default, then the synced personal choice', async () => {
    await db.institutions.put(institution({ defaultLocale: 'cy' }) as never)
    await db.profiles.put(profile() as never)
    signIn()
    stop = followSyncedLocale(pinia, { reads, browser: () => ['en-GB'] })
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('cy'))
    // The next start on this device opens in it at once.
    expect(localStorage.getItem('th-locale-followed')).toBe('cy')
    expect(initialLocale()).toBe('cy')
    // A pull brings the choice made on another device.
    await db.profiles.put(profile({ locale: 'en', version: 4 }) as never)
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('en'))
  })

  it('follows the browser when neither the person nor the institution chose', async () => {
    await db.institutions.put(institution() as never)
    await db.profiles.put(profile() as never)
    signIn()
    stop = followSyncedLocale(pinia, { reads, browser: () => ['cy-GB', 'en-GB'] })
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('cy'))
    // Nothing synced to remember: the next start follows the browser again.
    expect(localStorage.getItem('th-locale-followed')).toBeNull()
  })

  it("keeps this device's own choice over the synced one", async () => {
    localStorage.setItem('th-locale', 'en')
    await db.institutions.put(institution({ defaultLocale: 'cy' }) as never)
    await db.profiles.put(profile({ locale: 'cy' }) as never)
    signIn()
    const shown: string[] = []
    stop = followSyncedLocale(pinia, {
      reads: {
        ...reads,
        profiles: {
          ...reads.profiles,
          get: async (id: string) => {
            const p = await reads.profiles.get(id)
            shown.push(String(p?.locale))
            return p
          },
        },
      } as Reads,
      browser: () => ['cy-GB'],
    })
    // The live query has answered (with the synced 'cy') …
    await vi.waitFor(() => expect(shown).toContain('cy'))
    await Promise.resolve()
    // … and English, chosen on this device, stays.
    expect(i18n.global.locale.value).toBe('en')
  })
})
