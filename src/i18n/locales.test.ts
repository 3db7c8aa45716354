import { describe, expect, it } from 'vitest'
import { pickLocale, pluralIndex, resolveLocale } from './locales'

describe('pickLocale', () => {
  it('follows the browser on a first visit, the institution once known, and the person above both', () => {
    expect(pickLocale({ browser: ['cy-GB', 'en-GB'] })).toBe('cy')
    expect(pickLocale({ browser: ['fr-FR', 'en-US'] })).toBe('en')
    expect(pickLocale({ browser: ['fr-FR'] })).toBe('en')
    expect(pickLocale({ institutionDefault: 'cy', browser: ['en-GB'] })).toBe('cy')
    expect(pickLocale({ chosen: 'en', institutionDefault: 'cy', browser: ['cy'] })).toBe('en')
    expect(pickLocale({ chosen: 'de', browser: ['cy'] })).toBe('cy')
  })
})

describe('resolveLocale', () => {
  it('puts the device choice first, then the synced personal choice, then the institution, then the browser', () => {
    const all = { device: 'en', synced: 'cy', institutionDefault: 'cy', browser: ['cy-GB'] }
    expect(resolveLocale(all)).toBe('en')
    expect(resolveLocale({ ...all, device: null })).toBe('cy')
    expect(resolveLocale({ device: null, synced: 'en', institutionDefault: 'cy', browser: ['cy-GB'] })).toBe('en')
    expect(resolveLocale({ device: null, synced: null, institutionDefault: 'cy', browser: ['en-GB'] })).toBe('cy')
    expect(resolveLocale({ device: null, synced: undefined, institutionDefault: 'en', browser: ['cy-GB'] })).toBe('en')
    expect(resolveLocale({ device: null, synced: null, institutionDefault: null, browser: ['cy-GB', 'en-GB'] })).toBe('cy')
    expect(resolveLocale({})).toBe('en')
  })

  it('treats a value that is not one of the languages as no choice at that level', () => {
    expect(resolveLocale({ device: 'fr', synced: 'cy', browser: ['en-GB'] })).toBe('cy')
    expect(resolveLocale({ device: '', synced: 'de', institutionDefault: 'cy', browser: ['en-GB'] })).toBe('cy')
    expect(resolveLocale({ synced: 'xx', institutionDefault: 'zz', browser: ['cy'] })).toBe('cy')
  })
})

describe('pluralIndex', () => {
  it('gives Welsh its six forms in CLDR order', () => {
    const forms = [0, 1, 2, 3, 6, 4, 100].map((n) => pluralIndex('cy-GB', n, 6))
    expect(forms).toEqual([0, 1, 2, 3, 4, 5, 5])
  })

  it('gives two- and three-form messages English-style choices', () => {
    expect([0, 1, 2].map((n) => pluralIndex('en-GB', n, 2))).toEqual([1, 0, 1])
    expect([0, 1, 2].map((n) => pluralIndex('cy-GB', n, 3))).toEqual([0, 1, 2])
  })
})
