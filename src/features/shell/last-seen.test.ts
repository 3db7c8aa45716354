// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createSettleGate } from '@/composables/settle-gate'
import { afterPaint } from '@/composables/use-revealed'
import { readLastSeen } from '@/db/last-seen'
import { MAX_PICTURE, followLastSeen, holdShell, pictureOf } from './last-seen'

/** Lets pending promise callbacks run (no timers); what waits on something not yet done still waits. */
const turns = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

afterEach(() => {
  document.documentElement.removeAttribute('data-shell-picture')
  document.documentElement.className = ''
  document.body.innerHTML = ''
  localStorage.clear()
})

const mainWith = (html: string) => {
  const main = document.createElement('main')
  main.id = 'main'
  main.innerHTML = html
  document.body.append(main)
  return main
}

describe('pictureOf', () => {
  it('keeps the page’s markup and styles but no script, handler, reference or javascript: link', () => {
    const main = mainWith(
      '<article class="stack" data-v-1 aria-busy="true"><h1 id="t" tabindex="-1">Plan</h1>' +
        '<a href="javascript:alert(1)" onclick="x()">V1</a><a href="/plan/a1">R2</a>' +
        '<label for="f">Theme</label><select id="f" aria-describedby="t"><option>All</option></select>' +
        '<script>alert(1)</script><style>p{}</style></article>',
    )
    const html = pictureOf(main, 1000, () => 0)!
    expect(html).toBe(
      '<article class="stack" data-v-1=""><h1>Plan</h1><a>V1</a><a href="/plan/a1">R2</a>' +
        '<label>Theme</label><select><option>All</option></select></article>',
    )
    // The page itself is untouched.
    expect(main.querySelector('script')).not.toBeNull()
    expect(main.querySelector('h1')?.id).toBe('t')
  })

  it('leaves out what starts below the first screenful', () => {
    const main = mainWith('<ul><li>one</li><li>two</li><li>three</li></ul><p>after</p>')
    const tops = new Map([...main.querySelectorAll('li, p, ul')].map((el, i) => [el, el.tagName === 'UL' ? 0 : i * 400]))
    // li one 400, two 800, three 1200, p 1600; cut at 1000.
    expect(pictureOf(main, 1000, (el) => tops.get(el) ?? 0)).toBe('<ul><li>one</li><li>two</li></ul>')
  })

  it('keeps nothing that is empty or too large', () => {
    expect(pictureOf(mainWith('  '), 1000, () => 0)).toBeNull()
    expect(pictureOf(mainWith(`<p>${'x'.repeat(MAX_PICTURE)}</p>`), 1000, () => 0)).toBeNull()
  })
})

describe('followLastSeen', () => {
  async function setUp(mayKeep: () => boolean) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/plan', name: 'plan', component: { render: () => null } },
        { path: '/account', name: 'account', component: { render: () => null } },
      ],
    })
    await router.push('/plan')
    const following = followLastSeen({ router, buildId: 'b1', mayKeep })
    return { router, following }
  }
  const hide = () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
  }

  it('keeps the page when the app goes to the background, in the page’s language', async () => {
    document.documentElement.lang = 'cy-GB'
    mainWith('<h1>Cynllun gweithredu</h1>')
    const { following } = await setUp(() => true)
    hide()
    expect(readLastSeen('plan')).toMatchObject({ b: 'b1', l: 'cy-GB', h: '<h1>Cynllun gweithredu</h1>' })
    following.stop()
  })

  it('takes the page once nothing in it is busy, when the browser is idle', async () => {
    document.documentElement.lang = 'en-GB'
    const main = mainWith('<article aria-busy="true"><h1>Action plan</h1></article>')
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback))
    const { following } = await setUp(() => true)
    following.refresh()
    await afterPaint() // two frames: what a page not busy would have waited for
    await afterPaint()
    expect(idle).toHaveLength(0) // still adding its cards
    main.querySelector('article')!.removeAttribute('aria-busy')
    await vi.waitFor(() => expect(idle).toHaveLength(1))
    expect(readLastSeen('plan')).toBeNull()
    idle[0]!()
    expect(readLastSeen('plan')).toMatchObject({ l: 'en-GB', h: '<article><h1>Action plan</h1></article>' })
    following.stop()
    vi.unstubAllGlobals()
  })

  it('keeps nothing when signed out, while the page is still busy, or for a page the shell does not have', async () => {
    let signedIn = false
    const main = mainWith('<article aria-busy="true"><h1>Action plan</h1></article>')
    const { router, following } = await setUp(() => signedIn)
    hide()
    expect(readLastSeen('plan')).toBeNull()
    signedIn = true
    hide()
    expect(readLastSeen('plan')).toBeNull() // still aria-busy
    await router.push('/account')
    main.innerHTML = '<h1>Account</h1>'
    hide()
    expect(readLastSeen('account')).toBeNull()
    following.stop()
  })
})

describe('holdShell', () => {
  const setUpShell = (picture: boolean) => {
    document.body.innerHTML =
      '<div id="app"><div class="th-shell" inert aria-hidden="true"><main class="th-shell-main"><h1>Plan</h1></main></div></div>'
    if (picture) document.documentElement.setAttribute('data-shell-picture', '')
    return document.getElementById('app')!
  }

  it('does nothing when the shell shows no picture', () => {
    expect(holdShell(setUpShell(false), createSettleGate())).toBeNull()
    expect(document.querySelector('#app > .th-shell')).not.toBeNull()
  })

  it('keeps the picture over the app until every first answer is in and no group is settling', async () => {
    const appEl = setUpShell(true)
    const gate = createSettleGate()
    let answer!: () => void
    gate.track(new Promise<void>((resolve) => (answer = resolve)))
    const release = holdShell(appEl, gate, 60_000)!
    // The mount empties #app: the shell is outside it now, and the app is hidden beneath.
    appEl.innerHTML = '<main><div data-settling><h1>Plan</h1></div></main>'
    expect(document.querySelector('body > .th-shell')).not.toBeNull()
    expect(document.documentElement.classList.contains('th-holding')).toBe(true)
    let released = false
    const done = release().then(() => (released = true))
    await turns()
    expect(released).toBe(false)
    answer()
    await turns()
    expect(released).toBe(false) // the settle group is still waiting
    appEl.querySelector('[data-settling]')!.removeAttribute('data-settling')
    await done
    expect(document.querySelector('.th-shell')).toBeNull()
    expect(document.documentElement.classList.contains('th-holding')).toBe(false)
    expect(document.documentElement.hasAttribute('data-shell-picture')).toBe(false)
  })

  it('lets the app show after the time limit even if an answer never comes', async () => {
    const appEl = setUpShell(true)
    const gate = createSettleGate()
    gate.track(new Promise<void>(() => undefined))
    await holdShell(appEl, gate, 30)!()
    expect(document.querySelector('.th-shell')).toBeNull()
  })
})
