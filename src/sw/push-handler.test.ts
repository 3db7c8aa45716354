import { describe, expect, it, vi } from 'vitest'
import { pushTitle as cyTitles } from '../locales/cy/notifications.json'
import { pushTitle as enTitles } from '../locales/en/notifications.json'
import {
  LOCALE_CACHE,
  LOCALE_URL,
  openFromNotification,
  parsePayload,
  pushTitle,
  showPush,
  type PushScope,
  type WindowClientLike,
} from './push-handler'

const words = { en: enTitles, cy: cyTitles }

function fakeScope(options: { stored?: string; languages?: string[]; windows?: WindowClientLike[] } = {}) {
  const shown: { title: string; options: NotificationOptions }[] = []
  const badges: (number | 'clear')[] = []
  const opened: string[] = []
  const scope: PushScope = {
    registration: { showNotification: async (title, opts) => void shown.push({ title, options: opts }) },
    clients: { matchAll: async () => options.windows ?? [], openWindow: async (url) => void opened.push(url) },
    navigator: {
      languages: options.languages ?? ['en-GB'],
      setAppBadge: async (n) => void badges.push(n ?? 0),
      clearAppBadge: async () => void badges.push('clear'),
    },
    caches: {
      open: async (name) => ({
        match: async (url) =>
          name === LOCALE_CACHE && url === LOCALE_URL && options.stored ? { text: async () => options.stored as string } : undefined,
      }),
    },
    location: { origin: 'https://hub.example.ac.uk' },
  }
  return { scope, shown, badges, opened }
}

describe('the service worker push handler', () => {
  it('words the title from the kind in the language the app was last shown in, and sets the badge', async () => {
    const { scope, shown, badges } = fakeScope({ stored: 'cy', languages: ['en-GB'] })
    await showPush(scope, { kind: 'request.received', link: '/requests', id: 'n1', badge: 3 }, words)
    expect(shown).toEqual([
      {
        title: 'Cais rhannu sgiliau newydd',
        options: expect.objectContaining({ tag: 'n1', data: { link: '/requests', id: 'n1' }, body: 'Agorwch Hwb Technegwyr i’w weld.' }),
      },
    ])
    expect(badges).toEqual([3])
  })

  it('falls back to the device language, and clears the badge at 0', async () => {
    const { scope, shown, badges } = fakeScope({ languages: ['cy', 'en'] })
    await showPush(scope, { kind: 'survey.closing', link: '/surveys/s1', id: 'n2', badge: 0 }, words)
    expect(shown[0]?.title).toBe('Mae arolwg yn cau cyn hir')
    expect(badges).toEqual(['clear'])
    const en = fakeScope()
    await showPush(en.scope, { kind: 'survey.closing', link: '/surveys/s1', id: 'n2', badge: 1 }, words)
    expect(en.shown[0]?.title).toBe('A survey closes soon')
  })

  it('still shows something for an unknown kind or a malformed push, and never links off the app', async () => {
    expect(pushTitle('no.such', enTitles)).toBe('Something new for you')
    expect(parsePayload({ kind: 'action.rag', link: 'https://evil.example', id: 3, badge: -1 })).toEqual({
      kind: 'action.rag',
      link: '/inbox',
      id: '',
      badge: null,
    })
    expect(parsePayload({ link: '//evil.example/x' }).link).toBe('/inbox')
    const { scope, shown, badges } = fakeScope()
    await showPush(scope, null, words)
    expect(shown[0]?.title).toBe('Something new for you')
    expect(badges).toEqual([])
  })

  it('a tap takes an open window of the app to the link, else opens one there', async () => {
    const navigate = vi.fn(async () => undefined)
    const focus = vi.fn(async () => Promise.reject(new Error('Not allowed to focus a window.')))
    const open = fakeScope({ windows: [{ url: 'https://hub.example.ac.uk/cpd', focus, navigate }] })
    await openFromNotification(open.scope, '/surveys/s1')
    expect(navigate).toHaveBeenCalledWith('https://hub.example.ac.uk/surveys/s1')
    expect(open.opened).toEqual([])

    const none = fakeScope()
    await openFromNotification(none.scope, '/requests')
    expect(none.opened).toEqual(['https://hub.example.ac.uk/requests'])
  })

  it("a tap's link names the notification, so the app marks it read", async () => {
    const none = fakeScope()
    await openFromNotification(none.scope, '/surveys/s1?tab=results', 'n 1')
    expect(none.opened).toEqual(['https://hub.example.ac.uk/surveys/s1?tab=results&read=n+1'])
    const noId = fakeScope()
    await openFromNotification(noId.scope, '/inbox', 42)
    expect(noId.opened).toEqual(['https://hub.example.ac.uk/inbox'])
  })
})
