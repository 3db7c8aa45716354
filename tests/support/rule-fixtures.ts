/**
 * Builders of valid entities for the rules' unit tests. Fictional data only.
 * Not imported by app code.
 */
import type { SyncMeta } from '@/domain/sync'
import type {
  ActionPlan,
  CpdEntry,
  Idea,
  Member,
  MemberSkill,
  PlanAction,
  Question,
  RagChange,
  Registration,
  SkillShareRequest,
  Vote,
} from '@/domain/entities'

/** Sync metadata of a document that has been through the server once. */
export const meta = (id: string, extra: Partial<SyncMeta> = {}): SyncMeta => ({
  id,
  updatedAt: 0,
  version: 1,
  deleted: false,
  lastMutationId: null,
  ...extra,
})

/** A member as synced: Siân ap Gwŵr, a technician of `inst` listed in the directory, no skills yet. */
export function member(id: string, fields: Partial<Member> = {}): Member {
  return {
    ...meta(id, { updatedAt: 1 }),
    institutionId: 'inst',
    displayName: 'Siân ap Gwŵr',
    email: 'sian@example.ac.uk',
    role: 'technician',
    visibility: 'institution',
    joinedAt: 0,
    skills: [],
    ...fields,
  }
}

/** A skill on a member's profile: a practitioner's technique, neither taught nor wanted. */
export function skill(skillId: string, name: string, fields: Partial<MemberSkill> = {}): MemberSkill {
  return { skillId, name, category: 'technique', level: 'practitioner', canTeach: false, wantsToLearn: false, ...fields }
}

/** A published Stage Two plan, June 2026 to May 2029, with no phases or owners named. */
export function plan(id: string, fields: Partial<ActionPlan> = {}): ActionPlan {
  return {
    ...meta(id, { updatedAt: 1 }),
    title: 'Plan',
    stage: 'two',
    startDate: '2026-06-01',
    endDate: '2029-05-31',
    phases: {},
    owners: {},
    status: 'published',
    ...fields,
  }
}

/** A Visibility action V1 of plan-1. */
export function action(id: string, fields: Partial<PlanAction> = {}): PlanAction {
  return {
    ...meta(id),
    planId: 'plan-1',
    code: 'V1',
    themes: ['visibility'],
    activity: 'Publish a mission statement',
    measures: [],
    timeframe: 'P1',
    owner: 'SG',
    ...fields,
  }
}

/** A RAG change by lead-1. */
export function rag(id: string, actionId: string, status: RagChange['status'], at: number, rationale = ''): RagChange {
  return { ...meta(id), actionId, status, rationale, at, byUid: 'lead-1' }
}

/** A formal CPD entry with all three reflections. */
export function cpd(id: string, fields: Partial<CpdEntry> = {}): CpdEntry {
  return {
    ...meta(id),
    title: 'Confocal microscopy training',
    startDate: '2024-03-01',
    hours: 3,
    type: 'formal',
    skillIds: [],
    learned: 'How to set up a z-stack',
    benefitPractice: 'I can run imaging sessions without help',
    benefitUsers: 'Researchers get images sooner',
    evidenceIds: [],
    ...fields,
  }
}

/** A CPD activity as first logged: title, date and hours (default 2, formal), no reflections yet. */
export function cpdActivity(id: string, title: string, startDate: string, fields: Partial<CpdEntry> = {}): CpdEntry {
  return { ...meta(id, { updatedAt: 1 }), title, startDate, hours: 2, type: 'formal', skillIds: [], evidenceIds: [], ...fields }
}

/** An RSciTech registration with nothing done. */
export function registration(id: string, fields: Partial<Registration> = {}): Registration {
  return {
    ...meta(id),
    target: 'RSciTech',
    steps: {},
    competences: {},
    feeSupportRequested: false,
    ...fields,
  }
}

/** A pending PCR skill-share request from learner-1 to teacher-1. */
export function request(id: string, fields: Partial<SkillShareRequest> = {}): SkillShareRequest {
  return {
    ...meta(id),
    learnerUid: 'learner-1',
    teacherUid: 'teacher-1',
    skillId: 'pcr',
    skillName: 'PCR',
    message: 'Could I shadow you next week?',
    format: 'shadowing',
    state: 'pending',
    history: { pending: 1_000 },
    ...fields,
  }
}

/** An open idea by tech-1. */
export function idea(id: string, fields: Partial<Idea> = {}): Idea {
  return {
    ...meta(id),
    authorUid: 'tech-1',
    title: 'A skills fair each spring',
    body: '',
    status: 'open',
    createdAt: 1_000,
    ...fields,
  }
}

/** A vote with its one-per-member id. */
export function vote(ideaId: string, voterUid: string, fields: Partial<Vote> = {}): Vote {
  return { ...meta(`${ideaId}__${voterUid}`), ideaId, voterUid, createdAt: 1_000, ...fields }
}

/** An optional survey question whose prompt is its id. */
export function question(id: string, type: Question['type'], fields: Partial<Question> = {}): Question {
  return { id, type, prompt: id, required: false, ...fields }
}
