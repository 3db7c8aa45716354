import { describe, expect, it } from 'vitest'
import { standardsCheck } from '@/domain/rules/cpd'
import type { CpdEntry } from '@/domain/entities'
import { i18n } from '@/i18n'
import type { Locale } from '@/i18n/locales'
import { i18nFor } from '../../../tests/support/i18n'
import { cpdText, type Composer } from './cpd-text'
import { standardsWords } from './standards-text'

const now = Date.UTC(2026, 8, 13, 12)
const entry = (title: string, type: CpdEntry['type'], extra: Partial<CpdEntry> = {}) => ({
  title,
  startDate: '2026-09-01',
  hours: 1,
  type,
  ...extra,
})

async function words(locale: Locale, entries: ReturnType<typeof entry>[]) {
  await i18nFor(locale)
  const text = cpdText(i18n.global as unknown as Composer)
  return standardsCheck(entries, { now }).rules.map((rule) => standardsWords(text, rule))
}

describe('standardsWords', () => {
  it('words every rule and what to do in English', async () => {
    const [types, learned] = await words('en', [
      entry('Autoclave refresher', 'formal', { learned: 'Loading' }),
      entry('Python course', 'formal'),
    ])
    expect(types).toEqual({
      label: 'Activity across at least 3 types',
      hint: 'You have activity of one type (formal or educational) in the last 12 months. Add 2 more types, e.g. work-based learning, professional activity or self-directed learning.',
    })
    expect(learned).toEqual({ label: 'What you learned', hint: 'Note what you learned for “Python course”.' })
  })

  it('words every rule and what to do in Welsh, with its mutations and “ac” before a vowel', async () => {
    const [types, learned, practice] = await words('cy', [
      entry('Cwrs Python', 'formal'),
      entry('Hyfforddiant awtoclaf', 'work-based'),
      entry('Offer newydd', 'work-based'),
      entry('Arolwg', 'work-based'),
      entry('Adolygiad', 'work-based', { learned: 'Llawer', benefitPractice: 'Ie' }),
    ])
    expect(types).toEqual({
      label: 'Gweithgaredd o 3 math gwahanol o leiaf',
      hint: 'Mae gennych weithgaredd o 2 fath (dysgu seiliedig ar waith a ffurfiol neu addysgol) yn y 12 mis diwethaf. Ychwanegwch un math arall, e.e. gweithgaredd proffesiynol neu ddysgu hunangyfeiriedig.',
    })
    expect(learned).toEqual({
      label: 'Beth a ddysgoch chi',
      hint: 'Nodwch beth a ddysgoch chi ar gyfer 4 cofnod: “Cwrs Python”, “Hyfforddiant awtoclaf”, “Offer newydd” ac eraill.',
    })
    expect(practice?.hint).toBe(
      'Nodwch sut mae o fudd i’ch ymarfer ar gyfer 4 cofnod: “Cwrs Python”, “Hyfforddiant awtoclaf”, “Offer newydd” ac eraill.',
    )
    const [, twoLearned] = await words('cy', [entry('Cwrs Python', 'formal'), entry('Offer newydd', 'formal')])
    expect(twoLearned?.hint).toBe('Nodwch beth a ddysgoch chi ar gyfer 2 gofnod: “Cwrs Python” ac “Offer newydd”.')
    const [nothing, none] = await words('cy', [])
    expect(nothing?.hint).toBe(
      'Nid oes gennych DPP wedi’i gofnodi yn y 12 mis diwethaf. Cofnodwch weithgareddau o 3 math o leiaf, e.e. dysgu seiliedig ar waith, gweithgaredd proffesiynol a ffurfiol neu addysgol.',
    )
    expect(none?.hint).toBe('Cofnodwch weithgaredd a nodwch beth a ddysgoch chi.')
    await i18nFor('en')
  })
})
