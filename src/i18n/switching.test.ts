import { describe, expect, it } from 'vitest'
import { i18n, loadNamespaces, setLocale } from './index'

describe('a page’s words asked for while the language is switching', () => {
  it('load in the language being switched to, so the first page of a Welsh start is Welsh', async () => {
    // As at start: the device's language loads while the router asks for the first route's words.
    const switching = setLocale('cy')
    const route = loadNamespaces(['cpd'])
    await Promise.all([switching, route])
    expect(i18n.global.locale.value).toBe('cy')
    expect(i18n.global.t('cpd.view.title')).toBe('DPP')
    expect(i18n.global.te('cpd.view.newEntry', 'cy')).toBe(true)
  })

  it('a later switch decides what is shown, whichever finishes loading first', async () => {
    const first = setLocale('en')
    const second = setLocale('cy')
    await Promise.all([second, first])
    expect(i18n.global.locale.value).toBe('cy')
  })
})
