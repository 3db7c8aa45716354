import { describe, expect, it } from 'vitest'
import { expandOwner, expandTimeframe, ownerText } from './owner-glossary'

const owners = {
  SG: 'Steering group',
  TCWG: 'Technician Commitment working group',
  CH: 'Faculty champions',
  OD: 'Organisational development',
}
const phases = { P1: 'Jun 2025 – May 2026', P2: 'Jun 2026 – May 2027', P3: 'Jun 2027 – May 2028' }

describe('expandOwner', () => {
  it('finds every known abbreviation as a whole word and keeps the text between', () => {
    expect(expandOwner('TCWG, CH', owners)).toEqual([
      { abbr: 'TCWG', meaning: 'Technician Commitment working group' },
      { text: ', ' },
      { abbr: 'CH', meaning: 'Faculty champions' },
    ])
    // "SGX" is not SG; unknown owners stay as text.
    expect(expandOwner('SGX and Head of HR', owners)).toEqual([{ text: 'SGX and Head of HR' }])
  })

  it('works with an empty glossary or owner', () => {
    expect(expandOwner('SG', {})).toEqual([{ text: 'SG' }])
    expect(expandOwner('', owners)).toEqual([])
  })

  it('writes a plain-text form for documents', () => {
    expect(ownerText('SG / OD', owners)).toBe('SG (Steering group) / OD (Organisational development)')
  })
})

describe('expandTimeframe', () => {
  it('spells out one phase and a range of phases', () => {
    expect(expandTimeframe('P1', phases)).toBe('P1 (Jun 2025 – May 2026)')
    expect(expandTimeframe('p2', phases)).toBe('P2 (Jun 2026 – May 2027)')
    expect(expandTimeframe('P1-3', phases)).toBe('P1–P3 (Jun 2025 – May 2028)')
    expect(expandTimeframe('P2 – P3', phases)).toBe('P2–P3 (Jun 2026 – May 2028)')
  })

  it('leaves anything else as written', () => {
    expect(expandTimeframe('Continuing', phases)).toBe('Continuing')
    expect(expandTimeframe('P9', phases)).toBe('P9')
    expect(expandTimeframe('P1-9', phases)).toBe('P1-9')
  })
})
