/**
 * A burst of survey answers through the callable over HTTP (tests/support/survey-burst.ts), with
 * racing and repeated retries of the same submission: exactly one response and one receipt per
 * member. SURVEY_BURST_N sets the size (default 120; `npm run bench` runs 700).
 */
import { describe, expect, it } from 'vitest'
import { surveyBurst } from '../support/survey-burst'
import './helpers/env'

const N = Number(process.env.SURVEY_BURST_N ?? 120)

describe('survey burst', () => {
  it(`${N} members answering at once, with retries: exactly ${N} responses and ${N} receipts`, async () => {
    const r = await surveyBurst({ n: N, log: (line) => console.log(`[surveys] ${line}`) })
    console.log(`[surveys] burst result ${JSON.stringify(r)}`)
    expect(r.failures).toEqual([])
    expect(r).toMatchObject({ responses: N, receipts: N, duplicates: 0, failed: 0 })
    expect(r.calls).toBeGreaterThan(N)
  }, 600_000)
})
