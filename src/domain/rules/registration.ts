/**
 * Professional registration pathways (Science Council, Engineering Council, Advance HE), their
 * steps and competence areas, readiness for submission, and reusing a drafted competence report
 * when a technician moves up a level (RSciTech → RSci). Codes, word guides and facts only: the
 * client words titles, steps and what is missing (`registration` messages).
 *
 * Word limits are the app's indicative guides per competence area (the Science Council suggests
 * about 300–350 words per CSci sub-section, Advance HE about 1,400 words in all for AFHEA and 3,000
 * for FHEA); a licensed body's own form is the authority.
 */
import { REGISTRATION_STEPS, REGISTRATION_TARGETS, type Registration } from '../entities'

export type RegistrationTarget = (typeof REGISTRATION_TARGETS)[number]
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number]
export type StepState = 'todo' | 'doing' | 'done'
/** The awarding body, a code the client words (`registration.body.<body>`). */
export type RegistrationBody = 'scienceCouncil' | 'engineeringCouncil' | 'advanceHe'

/** The bodies in the order the chooser lists them. */
export const REGISTRATION_BODIES: readonly RegistrationBody[] = ['scienceCouncil', 'engineeringCouncil', 'advanceHe']

/**
 * One competence area of a pathway. Its title and description are words of the client
 * (`registration.area.<body>.<id>.title` / `.description`); the domain keeps what it checks.
 */
export interface CompetenceArea {
  /** Key in `Registration.competences`; shared by the levels of one body so statements carry over. */
  id: string
  /** The body's own letter for it, shown before its title: A–E, or A, K, V for Advance HE's dimensions. */
  code: string
  wordLimit: number
  /** Below this a statement is unlikely to show enough depth. */
  minWords: number
}

/** What a step is called, as a code the client words (`registration.step.<label>`): a body may name a step its own way. */
export type StepLabel = RegistrationStep | 'mentorReferees' | 'reportPractice' | 'interview' | 'reviewAssessors'

export interface PathwayStep {
  id: RegistrationStep
  label: StepLabel
}

/** A pathway; its title is the client's words for its target (`registration.pathway.<target>`). */
export interface Pathway {
  target: RegistrationTarget
  body: RegistrationBody
  /** Position within its body, lowest first: only higher levels are upgrades. */
  level: number
  competences: CompetenceArea[]
  steps: PathwayStep[]
}

/** Registration fields without sync metadata: what a new or upgraded registration starts as. */
export type RegistrationDraft = Pick<Registration, 'target' | 'steps' | 'competences' | 'feeSupportRequested'> & { basedOn?: string }

/** [id, code] of each body's competence areas. */
const SCIENCE_AREAS = [
  ['A', 'A'],
  ['B', 'B'],
  ['C', 'C'],
  ['D', 'D'],
  ['E', 'E'],
] as const
const ENGINEERING_AREAS = SCIENCE_AREAS
const TEACHING_DIMENSIONS = [
  ['activity', 'A'],
  ['knowledge', 'K'],
  ['values', 'V'],
] as const

const areas = (list: readonly (readonly [string, string])[], limits: Record<string, number> | number, minShare = 0.3): CompetenceArea[] =>
  list.map(([id, code]) => {
    const wordLimit = typeof limits === 'number' ? limits : (limits[id] ?? 500)
    return { id, code, wordLimit, minWords: Math.round((wordLimit * minShare) / 10) * 10 }
  })

function steps(overrides: Partial<Record<RegistrationStep, StepLabel>> = {}): PathwayStep[] {
  return REGISTRATION_STEPS.map((id) => ({ id, label: overrides[id] ?? id }))
}

const science = (target: RegistrationTarget, level: number, limit: number): Pathway => ({
  target,
  body: 'scienceCouncil',
  level,
  competences: areas(SCIENCE_AREAS, limit),
  steps: steps(),
})
const engineering = (target: RegistrationTarget, level: number, limit: number): Pathway => ({
  target,
  body: 'engineeringCouncil',
  level,
  competences: areas(ENGINEERING_AREAS, limit),
  steps: steps({ assessment: 'interview' }),
})
const teaching = (target: RegistrationTarget, level: number, limits: Record<string, number>): Pathway => ({
  target,
  body: 'advanceHe',
  level,
  competences: areas(TEACHING_DIMENSIONS, limits),
  steps: steps({ mentor: 'mentorReferees', report: 'reportPractice', assessment: 'reviewAssessors' }),
})

/** Every pathway the tracker offers, by target. */
export const PATHWAYS: Record<RegistrationTarget, Pathway> = {
  RSciTech: science('RSciTech', 1, 500),
  RSci: science('RSci', 2, 600),
  CSci: science('CSci', 3, 700),
  EngTech: engineering('EngTech', 1, 500),
  IEng: engineering('IEng', 2, 750),
  CEng: engineering('CEng', 3, 1000),
  AFHEA: teaching('AFHEA', 1, { activity: 700, knowledge: 350, values: 350 }),
  FHEA: teaching('FHEA', 2, { activity: 1500, knowledge: 750, values: 750 }),
}

/** The steps that come before submitting; readiness counts these. */
export const PRE_SUBMISSION_STEPS: readonly RegistrationStep[] = ['eligibility', 'mentor', 'evidence', 'report']

/** Words in a statement: runs of non-space containing a letter or digit ("–" alone is not a word). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

export interface CompetenceReadiness {
  id: string
  code: string
  words: number
  wordLimit: number
  minWords: number
  cpdCount: number
  statement: 'empty' | 'short' | 'ok' | 'over'
  /** 0–1: half for the statement, half for linked evidence. */
  score: number
}

/**
 * Something still missing before submission, as a code and its facts (the client words it):
 * an area's statement is empty, short or over its guide, an area has no linked CPD, or a step
 * before submission is not done.
 */
export type ReadinessGap =
  | { code: 'statementEmpty'; area: CompetenceArea; min: number }
  | { code: 'statementShort'; area: CompetenceArea; min: number; words: number }
  | { code: 'statementOver'; area: CompetenceArea; over: number; limit: number }
  | { code: 'noCpd'; area: CompetenceArea }
  | { code: 'step'; step: PathwayStep }

export interface Readiness {
  percent: number
  competences: CompetenceReadiness[]
  stepsDone: number
  stepsTotal: number
  /** What is still missing, in the order to tackle it. */
  missing: ReadinessGap[]
  readyToSubmit: boolean
}

/**
 * How ready a registration is to submit. Each competence area counts once (half for a statement of
 * enough words within the limit, half for at least one linked CPD entry) and each step before
 * submission counts once (a step in progress counts half).
 */
export function readiness(registration: Pick<Registration, 'target' | 'steps' | 'competences'>): Readiness {
  const pathway = PATHWAYS[registration.target]
  const missing: ReadinessGap[] = []
  const competences = pathway.competences.map((area): CompetenceReadiness => {
    const entry = registration.competences[area.id]
    const words = countWords(entry?.statement ?? '')
    const cpdCount = new Set(entry?.cpdIds ?? []).size
    const statement = words === 0 ? 'empty' : words > area.wordLimit ? 'over' : words < area.minWords ? 'short' : 'ok'
    if (statement === 'empty') missing.push({ code: 'statementEmpty', area, min: area.minWords })
    if (statement === 'short') missing.push({ code: 'statementShort', area, min: area.minWords, words })
    if (statement === 'over') missing.push({ code: 'statementOver', area, over: words - area.wordLimit, limit: area.wordLimit })
    if (cpdCount === 0) missing.push({ code: 'noCpd', area })
    const statementScore = statement === 'over' ? 0.5 : Math.min(words / area.minWords, 1)
    return {
      id: area.id,
      code: area.code,
      words,
      wordLimit: area.wordLimit,
      minWords: area.minWords,
      cpdCount,
      statement,
      score: (statementScore + (cpdCount > 0 ? 1 : 0)) / 2,
    }
  })
  const stepStates = PRE_SUBMISSION_STEPS.map((id) => registration.steps[id] ?? 'todo')
  PRE_SUBMISSION_STEPS.forEach((id, k) => {
    if (stepStates[k] !== 'done') missing.push({ code: 'step', step: pathway.steps.find((s) => s.id === id) ?? { id, label: id } })
  })
  const stepScore = stepStates.reduce((sum, s) => sum + (s === 'done' ? 1 : s === 'doing' ? 0.5 : 0), 0)
  const competenceScore = competences.reduce((sum, c) => sum + c.score, 0)
  const percent = Math.round((100 * (competenceScore + stepScore)) / (competences.length + PRE_SUBMISSION_STEPS.length))
  return {
    percent,
    competences,
    stepsDone: stepStates.filter((s) => s === 'done').length,
    stepsTotal: PRE_SUBMISSION_STEPS.length,
    missing,
    readyToSubmit: missing.length === 0,
  }
}

/** A fresh registration for a target: every step to do, every competence area empty. */
export function newRegistration(target: RegistrationTarget): RegistrationDraft {
  return {
    target,
    steps: Object.fromEntries(REGISTRATION_STEPS.map((s) => [s, 'todo'])) as Record<RegistrationStep, StepState>,
    competences: Object.fromEntries(PATHWAYS[target].competences.map((c) => [c.id, { statement: '', cpdIds: [] }])),
    feeSupportRequested: false,
  }
}

export type UpgradeResult = { ok: true; registration: RegistrationDraft } | { ok: false; code: 'not-an-upgrade' }

/**
 * Starts a registration at a higher level of the same body from an existing one (RSciTech → RSci,
 * EngTech → IEng, AFHEA → FHEA), reusing its statements and linked CPD so the report is redrafted,
 * not rewritten. Steps start again; `basedOn` records where it came from.
 */
export function upgradeFrom(
  registration: Pick<Registration, 'id' | 'target' | 'competences'>,
  newTarget: RegistrationTarget,
): UpgradeResult {
  const from = PATHWAYS[registration.target]
  const to = PATHWAYS[newTarget]
  if (from.body !== to.body || to.level <= from.level) {
    return { ok: false, code: 'not-an-upgrade' }
  }
  const draft = newRegistration(newTarget)
  for (const area of to.competences) {
    const previous = registration.competences[area.id]
    if (previous) draft.competences[area.id] = { statement: previous.statement, cpdIds: [...previous.cpdIds] }
  }
  return { ok: true, registration: { ...draft, basedOn: registration.id } }
}

/** The targets a registration can move up to. */
export function upgradeTargets(target: RegistrationTarget): RegistrationTarget[] {
  const from = PATHWAYS[target]
  return REGISTRATION_TARGETS.filter((t) => PATHWAYS[t].body === from.body && PATHWAYS[t].level > from.level)
}
