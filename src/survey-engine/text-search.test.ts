import { describe, expect, it } from 'vitest'
import { searchTexts } from './text-search'

describe('searchTexts', () => {
  const entries = [
    { text: 'Time for CPD is never protected' },
    { text: 'Café rota clashes with teaching' },
    { text: 'More visibility of workshop staff' },
  ]
  it('needs every word, ignoring case and accents', () => {
    expect(searchTexts(entries, 'cafe ROTA').map((e) => e.text)).toEqual(['Café rota clashes with teaching'])
    expect(searchTexts(entries, 'time teaching')).toEqual([])
    expect(searchTexts(entries, '   ')).toHaveLength(3)
  })
})
