import { describe, expect, it } from 'vitest'
import { fileMessages, shellHtml, shellScript, type ShellOptions } from '../../scripts/vite/prerender-shell'

const WORDS: Record<string, Record<string, string>> = {
  en: {
    'shell.brand': 'Technician Hub',
    'shell.nav.home': 'Home',
    'shell.nav.cpd': 'CPD',
    'home.title': 'Welcome',
    'cpd.title': 'CPD & you',
  },
  cy: {
    'shell.brand': 'Hwb Technegwyr',
    'shell.nav.home': 'Hafan',
    'shell.nav.cpd': 'DPP',
    'home.title': 'Croeso',
    'cpd.title': 'DPP a chi',
  },
}

const options: ShellOptions = {
  pages: [
    { route: 'home', path: '/', title: 'home.title' },
    { route: 'cpd', path: '/cpd', title: 'cpd.title' },
  ],
  nav: [
    { name: 'home', labelKey: 'shell.nav.home', icon: 'home' },
    { name: 'cpd', labelKey: 'shell.nav.cpd', icon: 'cpd' },
  ],
  icons: { home: 'M0 0', cpd: 'M1 1' },
  tags: { en: 'en-GB', cy: 'cy-GB' },
  message: (locale, key) => WORDS[locale]![key]!,
  buildId: 'build-1',
}

/** Runs the head script against a stand-in document; returns what it set. */
function runScript({ stored = {}, languages = [], path = '/' }: { stored?: Record<string, string>; languages?: string[]; path?: string }) {
  const html = { lang: '', dataset: {} as Record<string, string> }
  const run = new Function('document', 'localStorage', 'navigator', 'location', shellScript(options))
  run({ documentElement: html }, { getItem: (k: string) => stored[k] ?? null }, { languages }, { pathname: path })
  return { lang: html.lang, route: html.dataset.shellRoute }
}

describe('prerendered shell', () => {
  it('has each page’s heading and the navigation in both languages, escaped, each marked with its language', () => {
    const html = shellHtml(options)
    expect(html).toContain('<h1 lang="en-GB" data-shell-l="en">CPD &#38; you</h1><h1 lang="cy-GB" data-shell-l="cy">DPP a chi</h1>')
    expect(html).toContain('href="/cpd" data-shell-nav="cpd"')
    expect(html).toContain('>Hafan</span>')
    expect(html.match(/<main/g)).toHaveLength(1)
    // Inert and hidden from assistive technology until the app replaces it: nothing announced twice.
    expect(html).toMatch(/^<div class="th-shell" inert aria-hidden="true">/)
  })

  it('fails the build for a navigation item with no page', () => {
    expect(() => shellHtml({ ...options, nav: [...options.nav, { name: 'plan', labelKey: 'shell.nav.plan', icon: 'plan' }] })).toThrow(
      /no page for the navigation's plan/,
    )
  })

  it('reads plain messages from the locale files and refuses a missing or formatted one', () => {
    const message = fileMessages(process.cwd())
    expect(message('cy', 'shell.brand')).toBe('Hwb Technegwyr')
    expect(() => message('en', 'shell.noSuchKey')).toThrow(/no message shell.noSuchKey/)
    expect(() => message('en', 'shell.account.signedInAs')).toThrow(/not plain text/)
  })

  it('picks the language as the app does: this device’s choice, the followed one, the browser’s, English', () => {
    expect(runScript({ stored: { 'th-locale': 'cy' }, languages: ['en-GB'] }).lang).toBe('cy-GB')
    expect(runScript({ stored: { 'th-locale-followed': 'cy' } }).lang).toBe('cy-GB')
    expect(runScript({ stored: { 'th-locale': 'en', 'th-locale-followed': 'cy' } }).lang).toBe('en-GB')
    expect(runScript({ languages: ['fr-FR', 'cy-GB', 'en-GB'] }).lang).toBe('cy-GB')
    expect(runScript({ languages: ['en-US', 'cy'] }).lang).toBe('en-GB')
    expect(runScript({ languages: ['fr'] }).lang).toBe('en-GB')
  })

  it('marks the route (trailing slash or not) and no route for other pages', () => {
    expect(runScript({ path: '/' }).route).toBe('home')
    expect(runScript({ path: '/cpd/' }).route).toBe('cpd')
    expect(runScript({ path: '/cpd/new' }).route).toBeUndefined()
  })
})
