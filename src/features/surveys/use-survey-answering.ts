import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb, type SurveySubmissionRow } from '@/db/database'
import type { Survey } from '@/domain/entities'
import { appSurveyQueue, surveyPort } from '@/survey-engine'
import type { SurveyPort } from '@/survey-engine/ports'
import { loadAnswerDraft, saveAnswerDraft, type AnswerDraft } from '@/survey-engine/drafts'
import type { SurveyQueue } from '@/survey-engine/queue'
import type { AnswerMap } from '@/survey-engine/rules'

export interface UseSurveyAnsweringOptions {
  db?: HubDb
  /** Injected for tests; defaults to the app's queue and runner. */
  queue?: () => { queue: SurveyQueue; runner: { trigger(): void } }
  /** Injected for tests; defaults to the app's survey port. */
  port?: () => Promise<SurveyPort>
  /** Autosave delay after the last change, ms. */
  saveDelay?: number
}

/**
 * One survey being answered on this phone: the survey and this member's queued or sent answer
 * (live from Dexie), the autosaved draft, and sending (queue first, then the callable).
 */
export function useSurveyAnswering(surveyId: Ref<string>, options: UseSurveyAnsweringOptions = {}) {
  const database = options.db ?? defaultDb
  const app = options.queue ?? appSurveyQueue
  const survey = useLiveQuery<Survey | null | 'loading'>(async () => (await database.surveys.get(surveyId.value)) ?? null, {
    initial: 'loading',
    deps: surveyId,
  })
  const submission = useLiveQuery<SurveySubmissionRow | null>(async () => (await database.surveySubmissions.get(surveyId.value)) ?? null, {
    initial: null,
    deps: surveyId,
  })
  /** undefined while loading; null when there is no draft. */
  const draft = shallowRef<AnswerDraft | null | undefined>(undefined)
  let pending: { id: string; draft: AnswerDraft } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  watch(
    surveyId,
    async (id) => {
      draft.value = undefined
      draft.value = await loadAnswerDraft(id, database)
    },
    { immediate: true },
  )
  /**
   * The server's word that this person has answered (on this or another device), so a phone that
   * holds no answer of its own says so before the form is filled in. Unknown (false) offline.
   */
  const answeredElsewhere = shallowRef(false)
  watch(
    surveyId,
    async (id) => {
      answeredElsewhere.value = false
      try {
        const port = await (options.port ?? surveyPort)()
        const reply = await port.answered?.({ surveyId: id })
        if (id === surveyId.value) answeredElsewhere.value = reply?.answered === true
      } catch {
        // Offline or refused: the send itself will say so if it has been answered.
      }
    },
    { immediate: true },
  )
  // The runner starts with the first survey screen and keeps sending while the app is open.
  app()
  if (getCurrentScope()) onScopeDispose(() => void flushDraft())

  return { survey, submission, draft, answeredElsewhere, saveDraft, flushDraft, submit, retry }

  /** Autosaves (debounced); the last change is written when the screen closes. */
  function saveDraft(next: AnswerDraft): void {
    pending = { id: surveyId.value, draft: next }
    clearTimeout(timer)
    timer = setTimeout(() => void flushDraft(), options.saveDelay ?? 300)
  }

  async function flushDraft(): Promise<void> {
    clearTimeout(timer)
    const p = pending
    pending = null
    if (p) await saveAnswerDraft(p.id, p.draft, database)
  }

  /** Saves the answers on the phone (receipt: "saved on this phone"), then asks the runner to send. */
  async function submit(answers: AnswerMap): Promise<void> {
    clearTimeout(timer)
    pending = null
    const { queue, runner } = app()
    const shown = survey.value
    // The mode the person saw goes with the answers: the server refuses them if it has changed.
    await queue.enqueue(surveyId.value, answers, { anonymous: shown && shown !== 'loading' ? shown.anonymous : true })
    runner.trigger()
  }

  async function retry(): Promise<void> {
    const { queue, runner } = app()
    await queue.requeue(surveyId.value)
    runner.trigger()
  }
}
