/** Notifications (issue 15): push subscription callables and the scheduled jobs (see ./deliver.ts). */
import { logger } from 'firebase-functions/v2'
import { onSchedule } from 'firebase-functions/v2/scheduler'
import { getDb } from '../firebase'
import { onCall } from '../guard'
import { requireLiveUid } from '../live'
import { surveySecret } from '../surveys/submit'
import { purgeNotificationsCore, sendHeldPushesCore, surveyDigestCore, surveyRemindersCore } from './deliver'
import { deletePushSubscriptionCore, savePushSubscriptionCore } from './subscriptions'

/** Stores this device's push subscription for the caller. */
export const savePushSubscription = onCall<unknown, Promise<{ saved: true }>>({ cors: true }, async (req) =>
  savePushSubscriptionCore(getDb(), await requireLiveUid(req), req.data),
)

/** Removes one of the caller's push subscriptions. */
export const deletePushSubscription = onCall<unknown, Promise<{ deleted: true }>>({ cors: true }, async (req) =>
  deletePushSubscriptionCore(getDb(), await requireLiveUid(req), req.data),
)

/** Daily: reminders for surveys closing in two days (members without a receipt), then the survey digest. */
export const surveyReminders = onSchedule({ schedule: 'every day 09:00', timeZone: 'Europe/London', timeoutSeconds: 540 }, async () => {
  const reminders = await surveyRemindersCore(getDb(), surveySecret())
  const digest = await surveyDigestCore(getDb())
  logger.info('survey-reminders', { ...reminders, digest })
})

/** Every 15 minutes: pushes held for quiet hours that have ended, and survey fan-outs left unfinished. */
export const sendHeldPushes = onSchedule({ schedule: 'every 15 minutes', timeoutSeconds: 300 }, async () => {
  logger.info('held-pushes', await sendHeldPushesCore(getDb()))
})

/** Daily: notifications older than 90 days become tombstones. */
export const purgeNotifications = onSchedule({ schedule: 'every 24 hours', timeoutSeconds: 540 }, async () => {
  logger.info('notifications-purged', await purgeNotificationsCore(getDb()))
})
