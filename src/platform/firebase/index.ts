/** The Firebase platform: the only entry point the rest of the app loads (lazily). */
import type { AuthPort, SyncTransport } from '@/sync/ports'
import type { SurveyPort } from '@/survey-engine/ports'
import type { CpdPort } from '@/evidence-engine/ports'
import { createFirebaseAccount, type AccountPort } from './account'
import { createFirebaseAuth } from './auth'
import { createFirebaseCpd } from './cpd'
import { createFirebaseStats, type StatsPort } from './firebase-stats'
import { createFirebasePlan, type PlanPort } from './plan'
import { createFirebaseNotifications, type NotificationsPort } from './notifications'
import { createFirebaseSurveys } from './surveys'
import { createFirebaseTransport, type TransportIds } from './transport'

export interface Platform {
  auth: AuthPort
  transport(ids: () => TransportIds): SyncTransport
  /** Survey callables: anonymous answers, results, free texts, themes, CSV. */
  surveys: SurveyPort
  /** CPD evidence files (BlobStore) and the leads' CPD and registration counts. */
  cpd: CpdPort
  /** The leads' dashboard figures (institutionStats): suppressed counts only. */
  stats: StatsPort
  /** The member's own account (deletion). */
  account: AccountPort
  /** The action plan's public page (publishPlan). */
  plan: PlanPort
  /** Web Push: the VAPID key and this device's subscription on the server. */
  notifications: NotificationsPort
}

/** `instance` names a separate Firebase app (tests simulate several devices in one process). */
export function createPlatform(instance?: string): Platform {
  return {
    auth: createFirebaseAuth(instance),
    transport: (ids) => createFirebaseTransport(ids, instance),
    surveys: createFirebaseSurveys(instance),
    cpd: createFirebaseCpd(instance),
    stats: createFirebaseStats(instance),
    account: createFirebaseAccount(instance),
    plan: createFirebasePlan(instance),
    notifications: createFirebaseNotifications(instance),
  }
}
