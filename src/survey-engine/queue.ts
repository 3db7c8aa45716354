/**
 * The survey answer queue. Answers are saved on the phone first (Dexie `surveySubmissions`, one
 * row per survey) and then sent through the `submitSurveyResponse` callable — not the generic
 * outbox, which would carry the author's id in a synced document. A row is `queued` ("saved on
 * this phone — will send when online") until the server has it, then `sent`. Every attempt and
 * every edit of a survey's answer sends the same random `token` (made on this phone, never a time
 * or an id), and the server answers a retry of a submission it already stored with the same
 * outcome, so a lost reply never creates a second response or an error.
 * A refusal (closed, already answered elsewhere, invalid) is kept with its reason, never dropped.
 */
import { db as defaultDb, type HubDb, type SurveySubmissionRow } from '@/db/database'
import { newId as defaultNewId } from '@/domain/ids'
import { problem } from '@/domain/problems'
import { draftKey } from './drafts'
import { SurveyPortError, type SurveyPort } from './ports'
import type { AnswerMap } from './rules'

export interface SurveyQueueOptions {
  /** The port, loaded lazily (Firebase loads after first paint). */
  port: () => Promise<SurveyPort>
  db?: HubDb
  now?: () => number
  newId?: () => string
  /** The random answer token (tests inject one). */
  newToken?: () => string
}

export interface FlushResult {
  sent: number
  waiting: number
  refused: number
}

export interface SurveyQueue {
  /** Saves answers on the phone for sending (replacing an earlier unsent or editable answer) and drops the draft. */
  enqueue(surveyId: string, answers: AnswerMap, mode: { anonymous: boolean }): Promise<SurveySubmissionRow>
  /** Sends every queued answer; stops at the first sign of being offline. One run at a time. */
  flush(): Promise<FlushResult>
  /** A refused answer goes back to the queue (e.g. after signing in again). */
  requeue(surveyId: string): Promise<void>
}

export function createSurveyQueue(options: SurveyQueueOptions): SurveyQueue {
  const database = options.db ?? defaultDb
  const now = options.now ?? Date.now
  const newId = options.newId ?? defaultNewId
  const newToken = options.newToken ?? randomToken
  let running: Promise<FlushResult> | null = null
  let again = false

  return { enqueue, flush, requeue }

  async function enqueue(surveyId: string, answers: AnswerMap, mode: { anonymous: boolean }): Promise<SurveySubmissionRow> {
    const row: SurveySubmissionRow = {
      surveyId,
      submissionId: newId(),
      answers: JSON.parse(JSON.stringify(answers)) as AnswerMap,
      anonymous: mode.anonymous,
      state: 'queued',
      queuedAt: now(),
      attempts: 0,
    }
    await database.transaction('rw', database.surveySubmissions, database.drafts, async () => {
      // An edit keeps the survey's token: it is how the server knows the answer is this phone's.
      row.token = (await database.surveySubmissions.get(surveyId))?.token ?? newToken()
      await database.surveySubmissions.put(row)
      await database.drafts.delete(draftKey(surveyId))
    })
    return row
  }

  async function requeue(surveyId: string): Promise<void> {
    await database.surveySubmissions
      .where('surveyId')
      .equals(surveyId)
      .modify((r) => {
        if (r.state === 'refused') {
          r.state = 'queued'
          delete r.error
        }
      })
  }

  function flush(): Promise<FlushResult> {
    if (running) {
      // A change arrived mid-run: run once more after, so nothing queued waits for the next trigger.
      again = true
      return running
    }
    running = (async () => {
      let result: FlushResult
      do {
        again = false
        result = await sendAll()
      } while (again && result.waiting === 0)
      return result
    })().finally(() => {
      running = null
    })
    return running
  }

  async function sendAll(): Promise<FlushResult> {
    const queued = await database.surveySubmissions.where('state').equals('queued').sortBy('queuedAt')
    const result: FlushResult = { sent: 0, waiting: 0, refused: 0 }
    if (queued.length === 0) return result
    const port = await options.port()
    for (const [i, row] of queued.entries()) {
      try {
        const token = row.token ?? (await keepToken(row))
        const outcome = await port.submit({ surveyId: row.surveyId, answers: row.answers, token, anonymous: row.anonymous ?? true })
        await settle(row, { state: 'sent', sentAt: now(), day: outcome.day, outcome: outcome.status, attempts: row.attempts + 1 })
        result.sent++
      } catch (error) {
        const e =
          error instanceof SurveyPortError ? error : new SurveyPortError(error instanceof Error ? error.message : String(error), 'offline')
        if (e.kind === 'refused') {
          await settle(row, {
            state: 'refused',
            attempts: row.attempts + 1,
            error: { code: e.code, message: refusalMessage(e), ...(e.field ? { field: e.field } : {}) },
          })
          result.refused++
          continue
        }
        // Offline or signed out: this and every later row wait for the next trigger.
        await settle(row, { attempts: row.attempts + 1 })
        result.waiting += queued.length - i
        break
      }
    }
    return result
  }

  /** A row queued before tokens existed gets one, stored before it is first sent. */
  async function keepToken(row: SurveySubmissionRow): Promise<string> {
    const token = newToken()
    await settle(row, { token })
    row.token = token
    return token
  }

  /** Updates a row unless the respondent replaced its answers meanwhile (a new submissionId). */
  async function settle(row: SurveySubmissionRow, changes: Partial<SurveySubmissionRow>): Promise<void> {
    await database.transaction('rw', database.surveySubmissions, async () => {
      const current = await database.surveySubmissions.get(row.surveyId)
      if (current?.submissionId === row.submissionId) await database.surveySubmissions.put({ ...current, ...changes })
    })
  }
}

/** What to tell the respondent when the server refused their answers. */
export function refusalMessage(e: SurveyPortError): string {
  switch (e.code) {
    case 'closed':
      return problem('surveyClosedBeforeSent')
    case 'already-submitted':
      return problem('surveyAlreadyAnswered')
    case 'mode-changed':
      return e.problem ?? problem('surveyModeChanged')
    case 'forbidden':
      return problem('surveyForbidden')
    case 'not-found':
      return problem('surveyGone')
    default:
      return e.problem ?? problem('surveyRefused')
  }
}

/** 256 random bits, base64url: the phone's secret for one survey's answer (no time, no id in it). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
