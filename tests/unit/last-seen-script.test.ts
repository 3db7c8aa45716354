// @vitest-environment happy-dom
/**
 * The inline script that paints the member's last-seen page inside the prerendered shell while the
 * HTML is parsed (scripts/vite/prerender-shell.ts lastSeenScript), run against a DOM.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lastSeenScript } from '../../scripts/vite/prerender-shell'
import { LAST_SEEN_CSS_KEY, saveLastSeen } from '../../src/db/last-seen'

const SHELL =
  '<div class="th-shell" inert aria-hidden="true"><main class="th-shell-main"><article data-shell-page="plan"><h1>Action plan</h1></article></main></div>'

beforeEach(() => {
  // The link stands for the HTML's own stylesheet; nothing here serves it.
  const settings = (window as unknown as { happyDOM: { settings: Record<string, boolean> } }).happyDOM.settings
  settings.disableCSSFileLoading = true
  settings.handleDisabledFileLoadingAsSuccess = true
  document.head.innerHTML = '<link rel="stylesheet" href="/assets/index.css">'
  document.body.innerHTML = `<div id="app">${SHELL}</div>`
  document.documentElement.lang = 'en-GB'
  document.documentElement.dataset.shellRoute = 'plan'
})
afterEach(() => {
  localStorage.clear()
  document.documentElement.removeAttribute('data-shell-picture')
})

const run = (build = 'b1') => new Function(lastSeenScript(build))()
/** What the shell's main shows: the picture in its shadow root, else the shell's own page. */
const shown = () => {
  const main = document.querySelector('.th-shell-main')!
  return main.shadowRoot?.innerHTML ?? main.innerHTML
}
const keep = (o: { b?: string; l?: string; c?: string[]; sheets?: Record<string, string> } = {}) =>
  saveLastSeen(
    'plan',
    {
      b: o.b ?? 'b1',
      l: o.l ?? 'en-GB',
      h: '<article class="stack" data-v-9=""><h1>Action plan</h1><p>V1 Grow the community</p></article>',
      c: o.c ?? ['/assets/index.css', '/assets/PlanView.css'],
    },
    o.sheets ?? { '/assets/index.css': 'body{}', '/assets/PlanView.css': '.stack[data-v-9]{gap:1rem}' },
  )

describe('the last-seen picture in the shell', () => {
  it('paints the page as last seen, with its stylesheets in their order, out of reach of the document’s, and says so', () => {
    keep()
    run()
    expect(shown()).toContain('V1 Grow the community')
    const root = document.querySelector('.th-shell-main')!.shadowRoot!
    expect([...root.querySelectorAll('style')].map((s) => s.textContent)).toEqual(['body{}.stack[data-v-9]{gap:1rem}'])
    expect(document.head.querySelector('style')).toBeNull()
    expect(document.documentElement.hasAttribute('data-shell-picture')).toBe(true)
    // Still the shell: inert and hidden from assistive technology.
    expect(document.querySelector('.th-shell')?.getAttribute('aria-hidden')).toBe('true')
  })

  it('shows the plain shell for a picture of another build or another language', () => {
    keep({ b: 'b0' })
    run('b1')
    expect(shown()).not.toContain('V1')
    keep({ l: 'cy-GB' })
    run('b1')
    expect(shown()).not.toContain('V1')
    expect(document.documentElement.hasAttribute('data-shell-picture')).toBe(false)
  })

  it('shows the plain shell when a stylesheet the picture needs is not kept (it would paint unstyled)', () => {
    keep()
    const css = JSON.parse(localStorage.getItem(LAST_SEEN_CSS_KEY)!)
    delete css.sheets['/assets/PlanView.css']
    localStorage.setItem(LAST_SEEN_CSS_KEY, JSON.stringify(css))
    run()
    expect(shown()).not.toContain('V1')
    expect(document.querySelector('.th-shell-main')!.shadowRoot).toBeNull()
  })

  it('shows the plain shell for a damaged picture or another route', () => {
    localStorage.setItem('th-last-seen:plan', '{"b":')
    expect(() => run()).not.toThrow()
    expect(shown()).toContain('data-shell-page="plan"')
    keep()
    document.documentElement.dataset.shellRoute = 'cpd'
    run()
    expect(shown()).not.toContain('V1')
  })
})
