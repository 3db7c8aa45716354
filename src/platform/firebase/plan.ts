/** The public plan: a lead publishes the current action plan as a page anyone can read (the publishPlan callable). */
import { httpsCallable } from 'firebase/functions'
import type { Language, PublishOutcome, PublishPlanResult } from '@/domain/public-plan'
import { firebase } from './app'
import { callFailure } from './errors'

export interface PlanPort {
  /** Renders the current published plan to its public page (both languages); `lang` picks the language the address opens in. */
  publishPlan(lang?: Language): Promise<PublishOutcome>
}

export function createFirebasePlan(instance?: string): PlanPort {
  return {
    async publishPlan(lang) {
      try {
        const out = await httpsCallable<{ lang?: Language }, PublishPlanResult>(firebase(instance).functions, 'publishPlan', {
          timeout: 120_000,
        })(lang ? { lang } : {})
        return { ok: true, ...out.data }
      } catch (error) {
        return { ok: false, ...callFailure(error) }
      }
    },
  }
}
