/** Every key exists in both languages, and no message is left empty. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES } from './locales'

const root = new URL('../locales/', import.meta.url).pathname
const keys = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix]
const leaves = (value: unknown): unknown[] => (value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [value])
const load = (locale: string, file: string) => JSON.parse(readFileSync(join(root, locale, file), 'utf8')) as unknown

describe('locale files', () => {
  const namespaces = new Set(LOCALES.flatMap((l) => readdirSync(join(root, l))))

  it('exist for every namespace in every language', () => {
    expect(namespaces.size).toBeGreaterThan(0)
    for (const locale of LOCALES) expect(readdirSync(join(root, locale)).sort(), locale).toEqual([...namespaces].sort())
  })

  for (const file of namespaces) {
    it(`${file}: the same keys in ${LOCALES.join(' and ')}, none empty`, () => {
      const [first, ...rest] = LOCALES.map((l) => keys(load(l, file)).sort())
      for (const other of rest) expect(other).toEqual(first)
      for (const l of LOCALES)
        for (const text of leaves(load(l, file))) expect(typeof text === 'string' && text.trim() !== '', `${l}/${file}`).toBe(true)
    })
  }
})
