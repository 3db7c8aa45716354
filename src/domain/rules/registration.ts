/**
 * Professional registration pathways (Science Council, Engineering Council, Advance HE), their
 * steps and competence areas, readiness for submission, and reusing a drafted competence report
 * when a technician moves up a level (RSciTech → RSci).
 *
 * Word limits are the app's indicative guides per competence area (the Science Council suggests
 * about 300–350 words per CSci sub-section, Advance HE about 1,400 words in all for AFHEA and 3,000
 * for FHEA); a licensed body's own form is the authority.
 */
import { REGISTRATION_STEPS, REGISTRATION_TARGETS, type Registration } from '../entities'

export type RegistrationTarget = (typeof REGISTRATION_TARGETS)[number]
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number]
export type StepState = 'todo' | 'doing' | 'done'
export type RegistrationBody = 'Science Council' | 'Engineering Council' | 'Advance HE'

export interface CompetenceArea {
  /** Key in `Registration.competences`; shared by the levels of one body so statements carry over. */
  id: string
  title: string
  description: string
  wordLimit: number
  /** Below this a statement is unlikely to show enough depth. */
  minWords: number
}

export interface PathwayStep {
  id: RegistrationStep
  label: string
}

export interface Pathway {
  target: RegistrationTarget
  body: RegistrationBody
  title: string
  /** Position within its body, lowest first: only higher levels are upgrades. */
  level: number
  competences: CompetenceArea[]
  steps: PathwayStep[]
}

/** Registration fields without sync metadata: what a new or upgraded registration starts as. */
export type RegistrationDraft = Pick<Registration, 'target' | 'steps' | 'competences' | 'feeSupportRequested'> & { basedOn?: string }

const SCIENCE_AREAS = [
  [
    'A',
    'Application of knowledge and understanding',
    'Use relevant scientific understanding, methods and skills to complete tasks and address problems.',
  ],
  ['B', 'Personal responsibility', 'Work autonomously or under direction, taking responsibility for the quality and safety of your work.'],
  ['C', 'Interpersonal skills', 'Communicate and work effectively with colleagues, users and others.'],
  ['D', 'Professional practice', 'Apply and improve methods, solve problems and contribute to the work of your team.'],
  ['E', 'Professional standards', 'Work to codes of conduct, health and safety, and keep up your CPD.'],
] as const

const ENGINEERING_AREAS = [
  ['A', 'Knowledge and understanding', 'Use engineering knowledge and understanding to apply technical and practical skills.'],
  [
    'B',
    'Design, development and solving engineering problems',
    'Contribute to the design, development and delivery of engineering products, processes or services.',
  ],
  ['C', 'Responsibility, management and leadership', 'Take responsibility for your work and for others, planning and managing resources.'],
  ['D', 'Communication and interpersonal skills', 'Communicate clearly and work with others, including those outside engineering.'],
  ['E', 'Professional commitment', 'Meet professional codes and ethics, safety and sustainability, and keep up your CPD.'],
] as const

const TEACHING_DIMENSIONS = [
  [
    'activity',
    'Areas of Activity',
    'What you do to support learning: design, teach, assess and give feedback, support learners, enhance practice (A1–A5).',
  ],
  ['knowledge', 'Core Knowledge', 'What you know about how learners learn, methods, technologies and evaluation in your subject (K1–K5).'],
  ['values', 'Professional Values', 'How you respect learners, promote equity and inclusion, and use evidence in your practice (V1–V5).'],
] as const

const areas = (
  list: readonly (readonly [string, string, string])[],
  limits: Record<string, number> | number,
  minShare = 0.3,
): CompetenceArea[] =>
  list.map(([id, title, description]) => {
    const wordLimit = typeof limits === 'number' ? limits : (limits[id] ?? 500)
    return { id, title, description, wordLimit, minWords: Math.round((wordLimit * minShare) / 10) * 10 }
  })

const STEP_LABELS: Record<RegistrationStep, string> = {
  eligibility: 'Check eligibility',
  mentor: 'Find a mentor or supporter',
  evidence: 'Gather evidence',
  report: 'Write the competence report',
  submit: 'Submit the application',
  assessment: 'Assessment',
  outcome: 'Outcome',
  renewal: 'Annual renewal and CPD declaration',
}

function steps(overrides: Partial<Record<RegistrationStep, string>> = {}): PathwayStep[] {
  return REGISTRATION_STEPS.map((id) => ({ id, label: overrides[id] ?? STEP_LABELS[id] }))
}

const science = (target: RegistrationTarget, title: string, level: number, limit: number): Pathway => ({
  target,
  body: 'Science Council',
  title,
  level,
  competences: areas(SCIENCE_AREAS, limit),
  steps: steps(),
})
const engineering = (target: RegistrationTarget, title: string, level: number, limit: number): Pathway => ({
  target,
  body: 'Engineering Council',
  title,
  level,
  competences: areas(ENGINEERING_AREAS, limit),
  steps: steps({ assessment: 'Professional review interview' }),
})
const teaching = (target: RegistrationTarget, title: string, level: number, limits: Record<string, number>): Pathway => ({
  target,
  body: 'Advance HE',
  title,
  level,
  competences: areas(TEACHING_DIMENSIONS, limits),
  steps: steps({ mentor: 'Find a mentor and referees', report: 'Write the account of your practice', assessment: 'Review by assessors' }),
})

/** Every pathway the tracker offers, by target. */
export const PATHWAYS: Record<RegistrationTarget, Pathway> = {
  RSciTech: science('RSciTech', 'Registered Science Technician', 1, 500),
  RSci: science('RSci', 'Registered Scientist', 2, 600),
  CSci: science('CSci', 'Chartered Scientist', 3, 700),
  EngTech: engineering('EngTech', 'Engineering Technician', 1, 500),
  IEng: engineering('IEng', 'Incorporated Engineer', 2, 750),
  CEng: engineering('CEng', 'Chartered Engineer', 3, 1000),
  AFHEA: teaching('AFHEA', 'Associate Fellow of the Higher Education Academy', 1, { activity: 700, knowledge: 350, values: 350 }),
  FHEA: teaching('FHEA', 'Fellow of the Higher Education Academy', 2, { activity: 1500, knowledge: 750, values: 750 }),
}

/** The steps that come before submitting; readiness counts these. */
export const PRE_SUBMISSION_STEPS: readonly RegistrationStep[] = ['eligibility', 'mentor', 'evidence', 'report']

/** Words in a statement: runs of non-space containing a letter or digit ("–" alone is not a word). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

export interface CompetenceReadiness {
  id: string
  title: string
  words: number
  wordLimit: number
  minWords: number
  cpdCount: number
  statement: 'empty' | 'short' | 'ok' | 'over'
  /** 0–1: half for the statement, half for linked evidence. */
  score: number
}

export interface Readiness {
  percent: number
  competences: CompetenceReadiness[]
  stepsDone: number
  stepsTotal: number
  /** What is still missing, in plain words, in the order to tackle it. */
  missing: string[]
  readyToSubmit: boolean
}

/**
 * How ready a registration is to submit. Each competence area counts once (half for a statement of
 * enough words within the limit, half for at least one linked CPD entry) and each step before
 * submission counts once (a step in progress counts half).
 */
export function readiness(registration: Pick<Registration, 'target' | 'steps' | 'competences'>): Readiness {
  const pathway = PATHWAYS[registration.target]
  const missing: string[] = []
  const competences = pathway.competences.map((area): CompetenceReadiness => {
    const entry = registration.competences[area.id]
    const words = countWords(entry?.statement ?? '')
    const cpdCount = new Set(entry?.cpdIds ?? []).size
    const statement = words === 0 ? 'empty' : words > area.wordLimit ? 'over' : words < area.minWords ? 'short' : 'ok'
    const name = `${area.id}. ${area.title}`
    if (statement === 'empty') missing.push(`${name}: write your statement (at least ${area.minWords} words).`)
    if (statement === 'short') missing.push(`${name}: write at least ${area.minWords} words (you have ${words}).`)
    if (statement === 'over') missing.push(`${name}: trim ${words - area.wordLimit} words to fit the ${area.wordLimit}-word guide.`)
    if (cpdCount === 0) missing.push(`${name}: link at least one CPD entry as evidence.`)
    const statementScore = statement === 'over' ? 0.5 : Math.min(words / area.minWords, 1)
    return {
      id: area.id,
      title: area.title,
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
    if (stepStates[k] !== 'done') missing.push(`Step: ${pathway.steps.find((s) => s.id === id)?.label ?? id}.`)
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
