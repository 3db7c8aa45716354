import { describe, expect, it, vi } from 'vitest'
import type { SurveyPort } from './ports'
import { provideSurveyPort, surveyPort } from '.'

describe("the app's survey port", () => {
  it('is the one the app provides: calls wait until it is given, then go through it', async () => {
    const results = vi.fn(async () => ({ surveyId: 's' }))
    const port = { results } as unknown as SurveyPort
    let got: SurveyPort | null = null
    const pending = surveyPort().then((p) => (got = p))
    await vi.waitFor(() => Promise.resolve())
    expect(got).toBeNull()
    const get = vi.fn(async () => port)
    provideSurveyPort(get)
    await pending
    expect(got).toBe(port)
    await (await surveyPort()).results({ surveyId: 's' })
    expect(get).toHaveBeenCalledTimes(2)
    expect(results).toHaveBeenCalledWith({ surveyId: 's' })
  })
})
