/** Small pure helpers the registration screens share: word counts, the target chooser, upgrades. */
import { REGISTRATION_TARGETS, type Registration } from '@/domain/entities'
import {
  PATHWAYS,
  REGISTRATION_BODIES,
  upgradeTargets,
  type CompetenceArea,
  type RegistrationBody,
  type RegistrationTarget,
  type StepState,
} from '@/domain/rules/registration'

/** The states a step can be in, in the order the chooser lists them (labels: `registration.stepState.<state>`). */
export const STEP_STATES: readonly StepState[] = ['todo', 'doing', 'done']

/** The registration has been awarded (its outcome step is done). */
export function isRegistered(r: Pick<Registration, 'steps'>): boolean {
  return r.steps.outcome === 'done'
}

/** Targets grouped by awarding body, lowest level first, for the chooser. */
export function targetsByBody(): { body: RegistrationBody; targets: RegistrationTarget[] }[] {
  return REGISTRATION_BODIES.map((body) => ({
    body,
    targets: REGISTRATION_TARGETS.filter((t) => PATHWAYS[t].body === body).sort((a, b) => PATHWAYS[a].level - PATHWAYS[b].level),
  }))
}

/** A statement's length against its area's guide: a message key of `registration.words` and its parameters. */
export function wordCount(
  words: number,
  area: Pick<CompetenceArea, 'wordLimit' | 'minWords'>,
): { key: 'over' | 'short' | 'within'; params: { words: number; limit: number; over?: number; min?: number } } {
  if (words > area.wordLimit) return { key: 'over', params: { words, limit: area.wordLimit, over: words - area.wordLimit } }
  if (words < area.minWords) return { key: 'short', params: { words, limit: area.wordLimit, min: area.minWords } }
  return { key: 'within', params: { words, limit: area.wordLimit } }
}

/**
 * The registration an upgrade could start from: the member's highest one of the same body below
 * `target` (awarded or not), so its statements and linked CPD carry over.
 */
export function upgradeSource<R extends Pick<Registration, 'id' | 'target'>>(
  registrations: readonly R[],
  target: RegistrationTarget,
): R | null {
  const candidates = registrations.filter((r) => upgradeTargets(r.target).includes(target))
  return candidates.sort((a, b) => PATHWAYS[b.target].level - PATHWAYS[a.target].level)[0] ?? null
}

/** The competences with one area's statement or linked CPD changed. */
export function withCompetence(
  competences: Registration['competences'],
  areaId: string,
  change: { statement?: string; cpdId?: string; linked?: boolean; evidenceIds?: readonly string[]; attached?: boolean },
): Registration['competences'] {
  const current = competences[areaId] ?? { statement: '', cpdIds: [] }
  let cpdIds = current.cpdIds
  if (change.cpdId) cpdIds = change.linked ? [...new Set([...cpdIds, change.cpdId])] : cpdIds.filter((c) => c !== change.cpdId)
  let evidenceIds = current.evidenceIds
  if (change.evidenceIds?.length) {
    const had = evidenceIds ?? []
    evidenceIds = change.attached ? [...new Set([...had, ...change.evidenceIds])] : had.filter((e) => !change.evidenceIds!.includes(e))
  }
  return {
    ...competences,
    [areaId]: { statement: change.statement ?? current.statement, cpdIds, ...(evidenceIds ? { evidenceIds } : {}) },
  }
}
