/** Small pure helpers the registration screens share: labels, word counts, the target chooser. */
import { REGISTRATION_TARGETS, type Registration } from '@/domain/entities'
import {
  PATHWAYS,
  upgradeTargets,
  type CompetenceArea,
  type RegistrationBody,
  type RegistrationTarget,
  type StepState,
} from '@/domain/rules/registration'

export const STEP_STATE_LABELS: Record<StepState, string> = { todo: 'To do', doing: 'In progress', done: 'Done' }

/** The registration has been awarded (its outcome step is done). */
export function isRegistered(r: Pick<Registration, 'steps'>): boolean {
  return r.steps.outcome === 'done'
}

/** "Registered Scientist (RSci)". */
export function targetName(target: RegistrationTarget): string {
  return `${PATHWAYS[target].title} (${target})`
}

/** Targets grouped by awarding body, lowest level first, for the chooser. */
export function targetsByBody(): { body: RegistrationBody; targets: RegistrationTarget[] }[] {
  const bodies: RegistrationBody[] = ['Science Council', 'Engineering Council', 'Advance HE']
  return bodies.map((body) => ({
    body,
    targets: REGISTRATION_TARGETS.filter((t) => PATHWAYS[t].body === body).sort((a, b) => PATHWAYS[a].level - PATHWAYS[b].level),
  }))
}

/** A statement's length against its area's guide, in words people read. */
export function wordCountText(words: number, area: Pick<CompetenceArea, 'wordLimit' | 'minWords'>): string {
  if (words > area.wordLimit) return `${words} words: ${words - area.wordLimit} over the ${area.wordLimit}-word guide`
  const base = `${words} of ${area.wordLimit} words`
  return words < area.minWords ? `${base} (aim for at least ${area.minWords})` : base
}

/**
 * The registration an upgrade could start from: the member's highest one of the same body below
 * `target` (awarded or not), so its statements and linked CPD carry over.
 */
export function upgradeSource<R extends Pick<Registration, 'id' | 'target' | 'deleted'>>(
  registrations: readonly R[],
  target: RegistrationTarget,
): R | null {
  const candidates = registrations.filter((r) => !r.deleted && upgradeTargets(r.target).includes(target))
  return candidates.sort((a, b) => PATHWAYS[b.target].level - PATHWAYS[a.target].level)[0] ?? null
}

/** The competences with one area's statement or linked CPD changed. */
export function withCompetence(
  competences: Registration['competences'],
  areaId: string,
  change: { statement?: string; cpdId?: string; linked?: boolean },
): Registration['competences'] {
  const current = competences[areaId] ?? { statement: '', cpdIds: [] }
  let cpdIds = current.cpdIds
  if (change.cpdId) cpdIds = change.linked ? [...new Set([...cpdIds, change.cpdId])] : cpdIds.filter((c) => c !== change.cpdId)
  return { ...competences, [areaId]: { statement: change.statement ?? current.statement, cpdIds } }
}
