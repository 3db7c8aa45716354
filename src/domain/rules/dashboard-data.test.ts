import { describe, expect, it } from 'vitest'
import type { Comment, Idea, Vote } from '@/domain/entities'
import { breakdownRows, engagementByMonth, facultyLabels, monthStart, ragByTheme } from './dashboard-data'

describe('breakdownRows', () => {
  it('labels rows, largest first, withheld ones after and "not stated" last', () => {
    const rows = breakdownRows(
      { counts: { 'f-a': 6, unspecified: null, 'f-b': null, 'f-c': 12 }, total: 30 },
      (key) => ({ 'f-a': 'Arts', 'f-c': 'Science', unspecified: 'Not stated' })[key] ?? key,
    )
    expect(rows).toEqual([
      { label: 'Science', value: 12 },
      { label: 'Arts', value: 6 },
      { label: 'f-b', value: null },
      { label: 'Not stated', value: null },
    ])
  })

  it('names every key, "unspecified" too, with the caller’s words', () => {
    const words: Record<string, string> = { 'f-a': 'Celfyddydau', unspecified: 'Heb ei nodi' }
    const rows = breakdownRows({ counts: { 'f-a': 6, unspecified: 7 }, total: 13 }, (key) => words[key] ?? key)
    expect(rows).toEqual([
      { label: 'Celfyddydau', value: 6 },
      { label: 'Heb ei nodi', value: 7 },
    ])
  })

  it('maps faculty ids to names', () => {
    expect(facultyLabels({ faculties: [{ id: 'f1', name: 'Faculty of Science', departments: [] }] })).toEqual({ f1: 'Faculty of Science' })
    expect(facultyLabels(null)).toEqual({})
  })
})

describe('ragByTheme', () => {
  const zero = { red: 0, amber: 0, green: 0, notSet: 0, total: 0 }
  const byTheme = {
    visibility: { ...zero, green: 2, total: 2 },
    recognition: zero,
    career: { ...zero, red: 1, total: 1 },
    sustainability: zero,
    all: zero,
  }

  it('keeps themes with actions, in the Commitment’s order, by code', () => {
    expect(ragByTheme(byTheme).map((r) => r.theme)).toEqual(['visibility', 'career'])
  })
})

describe('engagementByMonth', () => {
  it('counts ideas, comments and votes per month for the last six months', () => {
    const now = Date.UTC(2026, 10, 23)
    const meta = { updatedAt: 0, version: 1, deleted: false, lastMutationId: null }
    const at = (m: number) => Date.UTC(2026, m, 5)
    const ideas = [
      { ...meta, id: 'i', createdAt: at(10) },
      { ...meta, id: 'j', createdAt: at(1) },
    ] as Idea[]
    const comments = [
      { ...meta, id: 'c', createdAt: at(9) },
      { ...meta, id: 'd', createdAt: at(9), deleted: true },
    ] as Comment[]
    const votes = [{ ...meta, id: 'v', createdAt: at(10) }] as Vote[]
    const rows = engagementByMonth({ ideas, comments, votes }, now)
    expect(rows.map((r) => r.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
    expect(rows[3]).toEqual({ month: '2026-09', ideas: 0, comments: 0, votes: 0 })
    expect(rows[4]).toEqual({ month: '2026-10', ideas: 0, comments: 1, votes: 0 })
    expect(rows[5]).toEqual({ month: '2026-11', ideas: 1, comments: 0, votes: 1 })
  })
})

describe('formatting', () => {
  it('reads a month key as the first of that month', () => {
    expect(monthStart('2026-11')).toEqual(new Date(2026, 10, 1))
    expect(monthStart('soon')).toBeNull()
  })
})
