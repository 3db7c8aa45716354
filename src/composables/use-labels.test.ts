// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { describe, expect, it } from 'vitest'
import { CONTRACTS, RAG, REQUEST_STATES, ROLE_FAMILIES, SKILL_CATEGORIES, SKILL_LEVELS, THEMES } from '@/domain/entities'
import { i18nFor } from '../../tests/support/i18n'
import { labelsFor, useLabels, type Labels } from './use-labels'

async function labelsIn(locale: 'en' | 'cy'): Promise<Labels> {
  const i18n = await i18nFor(locale)
  let labels!: Labels
  mount(
    defineComponent({
      setup() {
        labels = useLabels()
        return () => h('div')
      },
    }),
    { global: { plugins: [i18n] } },
  )
  return labels
}

/** Every code of every group, as [group, code]. */
const ALL: [keyof Labels, string][] = [
  ...ROLE_FAMILIES.map((c) => ['roleFamily', c] as [keyof Labels, string]),
  ...SKILL_LEVELS.map((c) => ['level', c] as [keyof Labels, string]),
  ...SKILL_CATEGORIES.map((c) => ['category', c] as [keyof Labels, string]),
  ...CONTRACTS.map((c) => ['contract', c] as [keyof Labels, string]),
  ...(['shadowing', 'demo', 'call'] as const).map((c) => ['requestFormat', c] as [keyof Labels, string]),
  ...REQUEST_STATES.map((c) => ['requestStatus', c] as [keyof Labels, string]),
  ...REQUEST_STATES.map((c) => ['requestHistory', c] as [keyof Labels, string]),
  ...THEMES.map((c) => ['theme', c] as [keyof Labels, string]),
  ...RAG.map((c) => ['rag', c] as [keyof Labels, string]),
]

describe('useLabels', () => {
  it('says the English words the screens show today', async () => {
    const l = await labelsIn('en')
    expect(l.roleFamily('it')).toBe('IT and digital')
    expect(l.level('practitioner')).toBe('Practitioner')
    expect(l.category('equipment')).toBe('Instrument or equipment')
    expect(l.contract('fixed-term')).toBe('Fixed term')
    expect(l.requestFormat('demo')).toBe('A demonstration')
    expect(l.requestStatus('pending')).toBe('Waiting for a reply')
    expect(l.requestHistory('pending')).toBe('Asked')
    expect(l.theme('career')).toBe('Career development')
    expect(l.theme('all')).toBe('All themes')
    expect(l.rag('amber')).toBe('Amber · in progress')
    expect(l.rag(null)).toBe('Not rated yet')
  })

  it('says them in Welsh when Welsh is shown', async () => {
    const l = await labelsIn('cy')
    expect(l.roleFamily('research')).toBe('Ymchwil')
    expect(l.contract('fixed-term')).toBe('Cyfnod penodol')
    expect(l.theme('recognition')).toBe('Cydnabyddiaeth')
    expect(l.rag('green')).toBe('Gwyrdd · wedi’i wneud')
    expect(l.rag(null)).toBe('Heb ei raddio eto')
  })

  it('has a label for every code of the schema, in each language', async () => {
    for (const locale of ['en', 'cy'] as const) {
      const i18n = await i18nFor(locale)
      const l = labelsFor(i18n.global.t as (key: string) => string)
      for (const [group, code] of ALL) {
        const text = (l[group] as (c: string) => string)(code)
        expect(text, `${locale} ${group}.${code}`).not.toContain('labels.')
        expect(text, `${locale} ${group}.${code}`).not.toBe(code)
      }
    }
  })
})
