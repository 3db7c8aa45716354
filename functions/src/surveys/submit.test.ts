import { describe, expect, it } from 'vitest'
import { answerKey, cachedCount, claimOf, isOpen, keyedId, surveySecret, utcDay } from './submit'

describe('survey submission helpers', () => {
  it('derives a receipt key that is stable, distinct per survey and secret, and reveals nothing of the uid', () => {
    const r1 = keyedId('a-secret-of-16-chars', 'receipt', 'inst', 'survey', 'uid-123')
    expect(r1).toBe(keyedId('a-secret-of-16-chars', 'receipt', 'inst', 'survey', 'uid-123'))
    expect(r1).not.toBe(keyedId('another-secret-16ch', 'receipt', 'inst', 'survey', 'uid-123'))
    expect(r1).not.toBe(keyedId('a-secret-of-16-chars', 'receipt', 'inst', 'survey2', 'uid-123'))
    expect(r1).toMatch(/^[0-9a-f]{64}$/)
    expect(r1).not.toContain('uid-123')
  })

  it('derives the receipt claim and the answer key from the phone token as two unrelated hashes', () => {
    const token = 'k3Yp0X2-random_token_of_the_phone'
    expect(claimOf(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(answerKey(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(claimOf(token)).not.toBe(answerKey(token))
    expect(claimOf(token) + answerKey(token)).not.toContain(token)
  })

  it('keeps only the UTC day', () => {
    expect(utcDay(Date.UTC(2026, 10, 23, 23, 59, 59))).toBe('2026-11-23')
  })

  it('is open from its opening day to its closing day inclusive, only when open', () => {
    const s = { status: 'open' as const, opensAt: '2026-11-01', closesAt: '2026-11-30' }
    expect(isOpen(s, '2026-11-01')).toBe(true)
    expect(isOpen(s, '2026-11-30')).toBe(true)
    expect(isOpen(s, '2026-12-01')).toBe(false)
    expect(isOpen(s, '2026-10-31')).toBe(false)
    expect(isOpen({ ...s, status: 'closed' }, '2026-11-15')).toBe(false)
  })

  it('needs a real secret outside the emulator', () => {
    expect(surveySecret({ SURVEY_HMAC_SECRET: 'x'.repeat(32) })).toBe('x'.repeat(32))
    expect(surveySecret({ FUNCTIONS_EMULATOR: 'true' })).toMatch(/emulator/)
    expect(() => surveySecret({})).toThrow(/SURVEY_HMAC_SECRET/)
    expect(() => surveySecret({ SURVEY_HMAC_SECRET: 'short' })).toThrow()
  })
})

describe('cachedCount', () => {
  it('keeps a group count for a minute and shares one query between concurrent callers', async () => {
    let queries = 0
    const load = async () => ++queries
    const key = `k-${Math.random()}`
    const [a, b] = await Promise.all([cachedCount(key, load, 1_000), cachedCount(key, load, 1_000)])
    expect([a, b, queries]).toEqual([1, 1, 1])
    expect(await cachedCount(key, load, 60_999)).toBe(1)
    expect(await cachedCount(key, load, 61_000)).toBe(2)
  })

  it('does not remember a failed query', async () => {
    const key = `k-${Math.random()}`
    await expect(cachedCount(key, () => Promise.reject(new Error('x')), 0)).rejects.toThrow('x')
    expect(await cachedCount(key, async () => 7, 1)).toBe(7)
  })
})
