import { describe, expect, it } from 'vitest'
import { RED_NEEDS_RATIONALE, validateRagChange } from '@/domain/rules/rag'
import { parseRagForm } from './rag-form'

const NOW = new Date(2026, 10, 23, 10, 30)
/** The RAG rule's own message for a missing status, shown at the status field. */
const NO_STATUS = (validateRagChange({ status: '' }) as { message: string }).message

describe('parseRagForm', () => {
  it('refuses Red without an explanation, at the rationale field', () => {
    expect(parseRagForm({ status: 'red', rationale: '   ', date: '2026-11-23' }, NOW)).toEqual({
      ok: false,
      errors: { rationale: RED_NEEDS_RATIONALE },
    })
  })

  it('asks for a status and a sensible date', () => {
    expect(parseRagForm({ status: '', rationale: '', date: '2026-11-24' }, NOW)).toEqual({
      ok: false,
      errors: { status: NO_STATUS, date: 'future' },
    })
    expect(parseRagForm({ status: 'green', rationale: '', date: '' }, NOW)).toMatchObject({
      ok: false,
      errors: { date: 'missing' },
    })
  })

  it('stamps today’s status now and an earlier one at noon that day', () => {
    expect(parseRagForm({ status: 'red', rationale: ' Funding not agreed ', date: '2026-11-23' }, NOW)).toEqual({
      ok: true,
      fields: { status: 'red', rationale: 'Funding not agreed', at: NOW.getTime() },
    })
    expect(parseRagForm({ status: 'green', rationale: '', date: '2026-09-01' }, NOW)).toMatchObject({
      ok: true,
      fields: { at: Date.UTC(2026, 8, 1, 12) },
    })
  })
})
