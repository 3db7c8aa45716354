/**
 * The app's survey queue: one per page, started on first use (the Home card or any survey
 * screen) and kept running while the app is open, so answers queued offline send themselves.
 */
import { loadPlatform } from '@/platform/load'
import type { SurveyPort } from './ports'
import { createSurveyQueue, type SurveyQueue } from './queue'
import { startQueueRunner, type QueueRunner } from './runner'

let app: { queue: SurveyQueue; runner: QueueRunner } | null = null

/** The survey port, once Firebase has loaded and the signed-in session (if any) is restored. */
export async function surveyPort(): Promise<SurveyPort> {
  const platform = await loadPlatform()
  await platform.auth.current()
  return platform.surveys
}

/** The shared answer queue and its runner (started on the first call). */
export function appSurveyQueue(): { queue: SurveyQueue; runner: QueueRunner } {
  if (!app) {
    const queue = createSurveyQueue({ port: surveyPort })
    app = { queue, runner: startQueueRunner({ queue }) }
  }
  return app
}
