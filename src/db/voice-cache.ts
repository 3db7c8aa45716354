/**
 * The technician voice as content for the self-assessment: each survey's free-text themes
 * (name, count, quotes from groups of 5 or more: src/domain/rules/survey-themes.ts), fetched from
 * the organisers' `surveyTexts` callable and kept on the device (Dexie `meta`) like the dashboard
 * figures, so a document generated offline still has them.
 */
import * as v from 'valibot'
import type { HubDb } from '@/db/database'
import { createReads } from '@/db/read'
import { SurveyVoiceSchema, themeSummaries, type SurveyVoice } from '@/domain/rules/survey-themes'
import { byCodeUnits } from '@/domain/rules/order'

export const VOICE_KEY = 'surveyVoice'

export interface CachedVoice {
  surveys: SurveyVoice[]
  fetchedAt: number
}

const CachedVoiceSchema = v.object({ surveys: v.array(SurveyVoiceSchema), fetchedAt: v.number() })

/** The cached themes, or null when none (or the cache no longer fits). */
export async function readCachedVoice(db: HubDb): Promise<CachedVoice | null> {
  const parsed = v.safeParse(CachedVoiceSchema, (await db.meta.get(VOICE_KEY))?.value)
  return parsed.success ? parsed.output : null
}

/** What the surveyTexts callable is asked and answers, as far as this needs it. */
type FetchTexts = (surveyId: string) => Promise<Parameters<typeof themeSummaries>[0]>

/**
 * Fetches the themes of every open or closed survey (newest first) and caches them; a survey the
 * server refuses (e.g. fewer than 5 answers) is left out. A survey whose fetch fails this time (a
 * timeout on a slow connection) keeps the themes last fetched for it, so one slow call never takes
 * a survey out of the document. Throws only when every fetch failed.
 */
export async function refreshVoice(db: HubDb, fetchTexts?: FetchTexts, now = Date.now()): Promise<CachedVoice> {
  const fetch: FetchTexts =
    fetchTexts ??
    (async (surveyId) => {
      const { loadPlatform } = await import('@/platform/load')
      return (await loadPlatform()).surveys.texts({ surveyId })
    })
  const surveys = (await createReads(db).surveys.all())
    .filter((s) => s.status !== 'draft')
    .sort((a, b) => byCodeUnits(b.opensAt, a.opensAt) || byCodeUnits(a.id, b.id))
  const results = await Promise.allSettled(surveys.map(async (s) => ({ s, texts: await fetch(s.id) })))
  const failures = results.filter((r) => r.status === 'rejected')
  if (surveys.length > 0 && failures.length === surveys.length) throw (failures[0] as PromiseRejectedResult).reason
  const previous = new Map((await readCachedVoice(db))?.surveys.map((s) => [s.surveyId, s]))
  const cached: CachedVoice = {
    fetchedAt: now,
    surveys: results.flatMap((r, i) => {
      if (r.status !== 'fulfilled') {
        const last = previous.get(surveys[i]!.id)
        return last ? [last] : []
      }
      const themes = themeSummaries(r.value.texts)
      return themes.length
        ? [{ surveyId: r.value.s.id, title: r.value.s.title, ...(r.value.s.titleCy ? { titleCy: r.value.s.titleCy } : {}), themes }]
        : []
    }),
  }
  await db.meta.put({ key: VOICE_KEY, value: cached })
  return cached
}
