/**
 * The app's survey queue: one per page, started on first use (the Home card or any survey
 * screen) and kept running while the app is open, so answers queued offline send themselves.
 * Like the sync engine, the survey engine imports no platform code: the app gives it the port
 * (`provideSurveyPort`, in src/modules/background.ts); until then a send or a results call waits.
 */
import type { SurveyPort } from './ports'
import { createSurveyQueue, type SurveyQueue } from './queue'
import { startQueueRunner, type QueueRunner } from './runner'

let app: { queue: SurveyQueue; runner: QueueRunner } | null = null
let provided: (port: () => Promise<SurveyPort>) => void = () => undefined
const port = new Promise<() => Promise<SurveyPort>>((resolve) => (provided = resolve))

/** Gives the engine its port (once Firebase has loaded and the session is restored, `port` resolves). */
export function provideSurveyPort(get: () => Promise<SurveyPort>): void {
  provided(get)
}

/** The survey port, once the app has provided it. */
export async function surveyPort(): Promise<SurveyPort> {
  return (await port)()
}

/** The shared answer queue and its runner (started on the first call). */
export function appSurveyQueue(): { queue: SurveyQueue; runner: QueueRunner } {
  if (!app) {
    const queue = createSurveyQueue({ port: surveyPort })
    app = { queue, runner: startQueueRunner({ queue }) }
  }
  return app
}
