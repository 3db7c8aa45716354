/** "Publish plan": a lead renders the current published plan to its public page (the publishPlan callable; it needs a connection). */
import type { Language, PublishOutcome } from '@/domain/public-plan'
import { loadPlatform } from '@/platform/load'

/** Publishes (or republishes) the page; its address comes back and, through the next pull, as the institution's planUrl. */
export async function publishPublicPlan(lang?: Language): Promise<PublishOutcome> {
  return (await loadPlatform()).plan.publishPlan(lang)
}
