import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { surveyPort } from '@/survey-engine'
import { SurveyPortError, type SurveyPort } from '@/survey-engine/ports'
import type { BreakdownBy, SurveyResults, SurveyTexts, SurveyTheme } from '@/survey-engine/types'

export interface UseSurveyResultsOptions {
  port?: () => Promise<SurveyPort>
  /** Live refresh interval while the page is visible and online (ms); 0 turns it off. */
  refreshMs?: number
  window?: Window
}

/**
 * A survey's results, fetched from the callables (aggregates only, withheld under 5) and kept
 * live: refreshed on a timer while the page is visible and online, and on demand.
 */
export function useSurveyResults(surveyId: Ref<string>, options: UseSurveyResultsOptions = {}) {
  const port = options.port ?? surveyPort
  const win = options.window ?? window
  const results = shallowRef<SurveyResults | null>(null)
  const texts = shallowRef<SurveyTexts | null>(null)
  const breakdown = shallowRef<SurveyResults | null>(null)
  const by = ref<BreakdownBy | ''>('')
  const state = ref<'loading' | 'ready' | 'offline' | 'error'>('loading')
  /** Why the figures are not fresh: offline, or a refusal's code (worded by the view through src/ui/field-errors.ts); null when fine. */
  const error = shallowRef<{ offline: true } | { offline: false; code?: string } | null>(null)
  const updatedAt = ref<number | null>(null)
  let timer: ReturnType<typeof setInterval> | undefined

  watch(surveyId, () => void refresh(), { immediate: true })
  watch(by, () => void loadBreakdown())
  if ((options.refreshMs ?? 30_000) > 0) {
    timer = setInterval(() => {
      if (win.document.visibilityState === 'visible' && win.navigator.onLine) void refresh()
    }, options.refreshMs ?? 30_000)
  }
  if (getCurrentScope()) onScopeDispose(() => clearInterval(timer))

  return { results, texts, breakdown, by, state, error, updatedAt, refresh, saveTheme, deleteTheme, exportCsv }

  async function refresh(): Promise<void> {
    try {
      const p = await port()
      const [r, t] = await Promise.all([p.results({ surveyId: surveyId.value }), p.texts({ surveyId: surveyId.value })])
      results.value = r
      texts.value = t
      state.value = 'ready'
      error.value = null
      updatedAt.value = Date.now()
      if (by.value) await loadBreakdown()
    } catch (e) {
      fail(e)
    }
  }

  async function loadBreakdown(): Promise<void> {
    if (!by.value) {
      breakdown.value = null
      return
    }
    try {
      breakdown.value = await (await port()).results({ surveyId: surveyId.value, by: by.value })
    } catch (e) {
      fail(e)
    }
  }

  async function saveTheme(theme: SurveyTheme): Promise<void> {
    setThemes(await (await port()).saveTheme({ surveyId: surveyId.value, theme }))
  }

  async function deleteTheme(themeId: string): Promise<void> {
    setThemes(await (await port()).deleteTheme({ surveyId: surveyId.value, themeId }))
  }

  async function exportCsv() {
    return (await port()).exportCsv({ surveyId: surveyId.value })
  }

  function setThemes(themes: SurveyTheme[]): void {
    if (texts.value) texts.value = { ...texts.value, themes }
  }

  function fail(e: unknown): void {
    const offline = e instanceof SurveyPortError ? e.kind === 'offline' : !win.navigator.onLine
    // Keep showing the last results fetched; say why they are not fresh.
    state.value = offline ? 'offline' : 'error'
    error.value = offline ? { offline: true } : { offline: false, code: e instanceof SurveyPortError ? e.code : undefined }
    if (!offline && !(e instanceof SurveyPortError)) console.error(e)
  }
}
