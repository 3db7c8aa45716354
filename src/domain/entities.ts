/**
 * Core entities of Technician Hub and their valibot schemas: the one shared schema used by
 * forms, by documents pulled from Firestore, and by the push callable.
 * Each `XFields` object holds the editable fields; `XSchema` adds the sync metadata.
 */
import * as v from 'valibot'
import { Id, IsoDate, Millis, plainText, requiredText, ROLES, SYNC_META_ENTRIES, text, xmlText } from './common'
import { EndorsementCountsSchema } from './endorsements'
import { problem } from './problems'
import { SkillMergesSchema } from './skill-merges'

/** `v.url()` accepts `javascript:` and `data:` URLs; links shown to others must be web, mail or Teams links. */
const isSafeLink = (url: string) => /^(https?:\/\/|mailto:|msteams:)/i.test(url)
const SAFE_LINK_MESSAGE = problem('safeLink')

/** The app's languages (src/i18n/locales.ts): a person's synced choice and an institution's default. */
export const LANGUAGES = ['en', 'cy'] as const

// ---------- Institution ----------
export const FacultySchema = v.strictObject({
  id: Id,
  name: requiredText(120, 'facultyName'),
  departments: v.pipe(v.array(requiredText(120, 'department')), v.maxLength(200)),
})
export const InstitutionFields = {
  name: requiredText(160, 'institutionName'),
  emailDomains: v.pipe(
    v.array(v.pipe(v.string(), v.toLowerCase(), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, problem('emailDomain')))),
    v.maxLength(20),
  ),
  faculties: v.pipe(v.array(FacultySchema), v.maxLength(50)),
  sites: v.pipe(v.array(requiredText(120, 'site')), v.maxLength(50)),
  planUrl: v.optional(v.union([v.literal(''), v.pipe(xmlText('link'), v.url(), v.check(isSafeLink, SAFE_LINK_MESSAGE))])),
  contactName: v.optional(text(120)),
  /** The institutional lead's e-mail and phone, shown under their name in the self-assessment. */
  contactEmail: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.email(problem('email')), v.maxLength(200))])),
  contactPhone: v.optional(text(40)),
  /** Who signs the self-assessment off: the head of institution's name and title (e.g. Vice-Chancellor). */
  headName: v.optional(text(120)),
  headTitle: v.optional(text(120)),
  signatoryDate: v.optional(IsoDate),
  /** Development time each technician is allowed per year, in days (Liverpool: 10). */
  developmentDaysPerYear: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(60))),
  /** Month (1–12) the CPD year starts. */
  cpdYearStartMonth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))),
  /** The language a member sees until they choose one (set by a lead). */
  defaultLocale: v.optional(v.picklist(LANGUAGES)),
  /** Duplicate skills a lead merged: skill id → the skill it now counts as (src/domain/skill-merges.ts). */
  skillMerges: v.optional(SkillMergesSchema),
  /** Survey notifications as one daily digest per member instead of one per survey opened (a lead's setting). */
  surveyDigest: v.optional(v.boolean()),
}
export const InstitutionSchema = v.object({ ...SYNC_META_ENTRIES, ...InstitutionFields })
export type Institution = v.InferOutput<typeof InstitutionSchema>

// ---------- Member profile and skills ----------
/** An image the person uploaded, inline: a base64 JPEG, PNG or WebP data URL (no SVG: it can fetch). */
export const PhotoDataUrl = v.pipe(
  v.string(),
  v.maxLength(64 * 1024, problem('photoTooLarge')),
  v.regex(/^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, problem('photoNotUpload')),
)
/** Whether a stored photo may be shown: only an inline image (a document older than the schema is skipped). */
export function isPhotoData(photo: unknown): photo is string {
  return typeof photo === 'string' && v.is(PhotoDataUrl, photo)
}
export const ROLE_FAMILIES = [
  'research',
  'teaching',
  'support',
  'laboratory',
  'workshop',
  'studio',
  'analytical',
  'it',
  'apprentice',
  'other',
] as const
export const SKILL_CATEGORIES = ['technique', 'equipment', 'software', 'safety', 'teaching', 'soft'] as const
export const SKILL_LEVELS = ['learning', 'practitioner', 'expert'] as const
export const CONTRACTS = ['permanent', 'fixed-term', 'casual', 'apprenticeship'] as const

export const MemberSkillSchema = v.strictObject({
  /** Canonical taxonomy id, or `tag:<slug>` for a free tag. */
  skillId: requiredText(80, 'skill'),
  name: requiredText(80, 'skillName'),
  category: v.picklist(SKILL_CATEGORIES),
  level: v.picklist(SKILL_LEVELS),
  canTeach: v.boolean(),
  wantsToLearn: v.boolean(),
})
export type MemberSkill = v.InferOutput<typeof MemberSkillSchema>

export const MemberFields = {
  institutionId: Id,
  displayName: requiredText(100, 'name'),
  email: v.pipe(v.string(), v.email(problem('email')), v.maxLength(200)),
  role: v.picklist(ROLES),
  pronouns: v.optional(plainText(30, 'pronouns')),
  jobTitle: v.optional(plainText(120, 'jobTitle')),
  roleFamily: v.optional(v.picklist(ROLE_FAMILIES)),
  facultyId: v.optional(text(128)),
  department: v.optional(plainText(120, 'department')),
  site: v.optional(plainText(120, 'site')),
  gradeBand: v.optional(plainText(30, 'gradeBand')),
  contract: v.optional(v.picklist(CONTRACTS)),
  bio: v.optional(plainText(600, 'bio')),
  contactUrl: v.optional(
    v.union([v.literal(''), v.pipe(xmlText('link'), v.url(problem('url')), v.maxLength(300), v.check(isSafeLink, SAFE_LINK_MESSAGE))]),
  ),
  visibility: v.picklist(['institution', 'hidden']),
  skills: v.pipe(v.array(MemberSkillSchema), v.maxLength(100, problem('tooManySkills', { max: 100 }))),
  /**
   * Small data-URL photo (≤ 48 KB), resized on the phone (src/features/profile/photo.ts). Never a
   * link: an `https://` photo would make every colleague's browser fetch a third-party address
   * that learns who looked at whose profile, and when.
   */
  photo: v.optional(v.union([v.literal(''), PhotoDataUrl])),
  joinedAt: Millis,
  /** The language the person chose (on any device): it follows them to their other devices. */
  locale: v.optional(v.picklist(LANGUAGES)),
}
export const MemberSchema = v.object({
  ...SYNC_META_ENTRIES,
  ...MemberFields,
  /**
   * "Taught me this" per skill id, from learners of completed skill-share sessions: written only
   * by the endorseSkill callable (not an editable field), kept on every synced edit, projected to
   * the directory entry.
   */
  endorsements: v.optional(EndorsementCountsSchema),
})
export type Member = v.InferOutput<typeof MemberSchema>

/** Optional equality data, held apart from the profile and only ever reported in aggregate. */
export const EqualityFields = {
  gender: v.optional(text(40)),
  ethnicity: v.optional(text(60)),
  ageBand: v.optional(v.picklist(['16-24', '25-34', '35-44', '45-54', '55-64', '65+', 'prefer-not'])),
  disability: v.optional(v.picklist(['yes', 'no', 'prefer-not'])),
}
export const EqualitySchema = v.object({ ...SYNC_META_ENTRIES, ...EqualityFields })
export type Equality = v.InferOutput<typeof EqualitySchema>

// ---------- CPD ----------
export const CPD_TYPES = ['work-based', 'professional', 'formal', 'self-directed', 'other'] as const
/** The earliest plausible CPD date; anything before is a typo (e.g. 0202-05-01). */
export const EARLIEST_CPD_DATE = '1950-01-01'
/** The latest plausible CPD date: one year from `now` (booked training), as an ISO day. */
export function latestCpdDate(now = Date.now()): string {
  const d = new Date(now)
  return `${d.getUTCFullYear() + 1}${d.toISOString().slice(4, 10)}`
}
/** A CPD date from 1950 to one year ahead (the form, pulled documents and syncPush share it). */
export const CpdDate = v.pipe(
  IsoDate,
  v.check((d) => d >= EARLIEST_CPD_DATE, problem('dateTooEarly', { year: 1950 })),
  v.check((d) => d <= latestCpdDate(), problem('dateTooLate')),
)
export const CpdFields = {
  title: requiredText(160, 'title'),
  startDate: CpdDate,
  endDate: v.optional(CpdDate),
  hours: v.pipe(v.number(problem('hoursNumber')), v.minValue(0, problem('hoursNegative')), v.maxValue(1000, problem('hoursTooHigh'))),
  type: v.picklist(CPD_TYPES, problem('activityType')),
  skillIds: v.pipe(v.array(text(80)), v.maxLength(30)),
  learned: v.optional(text(4000)),
  benefitPractice: v.optional(text(4000)),
  benefitUsers: v.optional(text(4000)),
  evidenceIds: v.pipe(v.array(Id), v.maxLength(20)),
  /** Set when the entry was prefilled from a completed skill-share request. */
  requestId: v.optional(Id),
}
export const CpdEntrySchema = v.pipe(
  v.object({ ...SYNC_META_ENTRIES, ...CpdFields }),
  v.forward(
    v.check((e) => !e.endDate || e.endDate >= e.startDate, problem('endBeforeStart')),
    ['endDate'],
  ),
)
export type CpdEntry = v.InferOutput<typeof CpdEntrySchema>

// ---------- CPD evidence files ----------
/** What evidence may be: photos (compressed on the phone) and PDFs. */
export const EVIDENCE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number]
/** The most one evidence file may hold (after compression). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
/** Bytes per stored chunk (users/{uid}/evidence/{id}/chunks/{n}); well under Firestore's 1 MiB document limit. */
export const EVIDENCE_CHUNK_BYTES = 512 * 1024
/**
 * An uploaded evidence file's description, written by the server once every chunk has arrived
 * and the checksum matches (users/{uid}/evidence/{id}); the bytes are in its `chunks` subcollection.
 */
export const EvidenceFields = {
  name: requiredText(200, 'fileName'),
  contentType: v.picklist(EVIDENCE_CONTENT_TYPES, problem('evidenceType')),
  size: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1, problem('fileEmpty')),
    v.maxValue(MAX_EVIDENCE_BYTES, problem('fileTooLarge', { mb: 5 })),
  ),
  /** SHA-256 of the whole file, lower-case hex. */
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, problem('invalid'))),
  chunkCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Math.ceil(MAX_EVIDENCE_BYTES / EVIDENCE_CHUNK_BYTES))),
  /** The CPD entry it was attached to. */
  cpdId: v.optional(Id),
  /** Or the professional registration, and its competence, it was attached to directly. */
  registrationId: v.optional(Id),
  competenceId: v.optional(text(40)),
  uploadedAt: Millis,
}
export const EvidenceSchema = v.object({ ...SYNC_META_ENTRIES, ...EvidenceFields })
export type Evidence = v.InferOutput<typeof EvidenceSchema>

// ---------- Professional registration ----------
export const REGISTRATION_TARGETS = ['RSciTech', 'RSci', 'CSci', 'EngTech', 'IEng', 'CEng', 'AFHEA', 'FHEA'] as const
export const REGISTRATION_STEPS = ['eligibility', 'mentor', 'evidence', 'report', 'submit', 'assessment', 'outcome', 'renewal'] as const
export const RegistrationFields = {
  target: v.picklist(REGISTRATION_TARGETS),
  steps: v.record(v.picklist(REGISTRATION_STEPS), v.picklist(['todo', 'doing', 'done'])),
  /** Competence id → written statement and linked CPD entry ids. */
  competences: v.record(
    text(40),
    v.strictObject({
      statement: text(8000),
      cpdIds: v.pipe(v.array(Id), v.maxLength(50)),
      /** Evidence files attached to the competence itself (optional: older registrations have none). */
      evidenceIds: v.optional(v.pipe(v.array(Id), v.maxLength(20))),
    }),
  ),
  feeSupportRequested: v.boolean(),
  /** Registration this one builds on (RSciTech → RSci reuses the report). */
  basedOn: v.optional(Id),
}
export const RegistrationSchema = v.object({ ...SYNC_META_ENTRIES, ...RegistrationFields })
export type Registration = v.InferOutput<typeof RegistrationSchema>

// ---------- Action plan ----------
export const THEMES = ['visibility', 'recognition', 'career', 'sustainability', 'all'] as const
export const RAG = ['red', 'amber', 'green'] as const
export type RagStatus = (typeof RAG)[number]

export const PlanFields = {
  title: requiredText(160, 'planTitle'),
  stage: v.picklist(['one', 'two']),
  startDate: IsoDate,
  endDate: IsoDate,
  /** Phase code → label, e.g. P1 → "Jun 2021 – May 2022". */
  phases: v.record(text(10), text(60)),
  /** Owner abbreviation → meaning, e.g. SG → "Steering group". */
  owners: v.record(text(20), text(160)),
  status: v.picklist(['draft', 'published', 'archived']),
}
export const PlanSchema = v.object({ ...SYNC_META_ENTRIES, ...PlanFields })
export type ActionPlan = v.InferOutput<typeof PlanSchema>

/** Where a success measure's current value comes from: by hand, or fed from app data. */
export const MEASURE_SOURCES = ['manual', 'members', 'registrations', 'cpd-participation', 'survey-response-rate'] as const

/**
 * One reading of a success measure at a date, by a lead (`byUid`, checked by the server to be
 * the author). Check-ins merge by element (src/domain/sets.ts `measures.*.checkIns`), so two
 * leads adding one offline both keep theirs.
 */
export const MeasureCheckInSchema = v.strictObject({
  id: Id,
  value: v.number(),
  date: IsoDate,
  byUid: Id,
  note: v.optional(text(400)),
})
export type MeasureCheckIn = v.InferOutput<typeof MeasureCheckInSchema>

export const SuccessMeasureSchema = v.strictObject({
  id: Id,
  text: requiredText(400, 'successMeasure'),
  /** The measure in Welsh (bilingual plans); `text` is the English. Optional: older measures have none. */
  textCy: v.optional(text(400)),
  baseline: v.optional(v.number()),
  target: v.optional(v.number()),
  current: v.optional(v.number()),
  unit: v.optional(text(20)),
  deadline: v.optional(IsoDate),
  /** Feed the current value from app data. */
  source: v.optional(v.picklist(MEASURE_SOURCES)),
  /** Readings over time (optional: older measures have none). */
  checkIns: v.optional(v.pipe(v.array(MeasureCheckInSchema), v.maxLength(200))),
})
export type SuccessMeasure = v.InferOutput<typeof SuccessMeasureSchema>

export const ActionFields = {
  planId: Id,
  /** V1, V1 ii, R3, CD2, S4, A2 … */
  code: v.pipe(requiredText(16, 'code'), v.regex(/^(V|R|CD|S|A)\d+( [ivx]+)?$/, problem('actionCode'))),
  themes: v.pipe(
    v.array(v.picklist(THEMES)),
    v.minLength(1, problem('themeRequired')),
    v.maxLength(2, problem('tooManyThemes', { max: 2 })),
  ),
  parentId: v.optional(Id),
  activity: requiredText(2000, 'activity'),
  /** The activity (the action's title) in Welsh; `activity` is the English. Optional: older actions have none. */
  activityCy: v.optional(text(2000)),
  outputs: v.optional(text(2000)),
  outputsCy: v.optional(text(2000)),
  measures: v.pipe(v.array(SuccessMeasureSchema), v.maxLength(20)),
  /** Seed plans use phrases up to ~100 characters ("Start January 2022 for inclusion in 2022 SRDS …"). */
  timeframe: text(200, 'timeframe'),
  owner: text(120, 'owner'),
  /** The member who owns the action in the app (optional): told when its RAG status changes. */
  ownerUid: v.optional(Id),
}
export const ActionSchema = v.object({ ...SYNC_META_ENTRIES, ...ActionFields })
export type PlanAction = v.InferOutput<typeof ActionSchema>

/** One RAG status change; append-only, the action's current RAG is the latest by `at`. */
export const RagChangeFields = {
  actionId: Id,
  status: v.picklist(RAG),
  rationale: text(2000),
  at: Millis,
  byUid: Id,
}
export const RagChangeSchema = v.pipe(
  v.object({ ...SYNC_META_ENTRIES, ...RagChangeFields }),
  v.forward(
    v.check((c) => c.status !== 'red' || c.rationale.trim().length > 0, problem('redNeedsRationale')),
    ['rationale'],
  ),
)
export type RagChange = v.InferOutput<typeof RagChangeSchema>

// ---------- Technician voice ----------
export const IdeaFields = {
  authorUid: Id,
  title: requiredText(160, 'idea'),
  body: text(4000),
  actionId: v.optional(Id),
  theme: v.optional(v.picklist(THEMES)),
  status: v.picklist(['open', 'adopted', 'declined']),
  response: v.optional(text(2000)),
  /** The response in Welsh (optional: older documents have none); shown instead of `response` in Welsh. */
  responseCy: v.optional(text(2000)),
  adoptedActionId: v.optional(Id),
  /** Link back to the survey it came from (technician-voice evidence). */
  surveyId: v.optional(Id),
  createdAt: Millis,
}
export const IdeaSchema = v.object({ ...SYNC_META_ENTRIES, ...IdeaFields })
export type Idea = v.InferOutput<typeof IdeaSchema>

export const CommentFields = {
  authorUid: Id,
  authorName: requiredText(100),
  /** What it comments on: an action or an idea. */
  targetType: v.picklist(['action', 'idea']),
  targetId: Id,
  body: requiredText(2000, 'comment'),
  createdAt: Millis,
}
export const CommentSchema = v.object({ ...SYNC_META_ENTRIES, ...CommentFields })
export type Comment = v.InferOutput<typeof CommentSchema>

export const VoteFields = { ideaId: Id, voterUid: Id, createdAt: Millis }
export const VoteSchema = v.object({ ...SYNC_META_ENTRIES, ...VoteFields })
export type Vote = v.InferOutput<typeof VoteSchema>

// ---------- Self-assessment ----------
export const ASSESSMENT_STAGES = ['one', 'two'] as const
/**
 * One lead-written narrative section of a self-assessment submission (Stage One or Two) for a
 * plan; document id `${planId}__${stage}__${section}`, so two leads editing different sections
 * never overwrite each other.
 */
export const AssessmentFields = {
  planId: Id,
  stage: v.picklist(ASSESSMENT_STAGES),
  /** Section key, e.g. "structure", "governance", "impact". */
  section: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/, problem('invalid'))),
  body: text(20000, 'thisSection'),
  updatedByUid: Id,
}
export const AssessmentSchema = v.object({ ...SYNC_META_ENTRIES, ...AssessmentFields })
export type AssessmentSection = v.InferOutput<typeof AssessmentSchema>

// ---------- Surveys ----------
export const QUESTION_TYPES = ['single', 'multiple', 'likert', 'rating', 'short', 'long', 'ranking'] as const
export const QuestionSchema = v.strictObject({
  id: Id,
  type: v.picklist(QUESTION_TYPES),
  prompt: requiredText(500, 'question'),
  /** The question in Welsh (bilingual surveys); `prompt` is the English text. */
  promptCy: v.optional(text(500)),
  help: v.optional(text(500)),
  helpCy: v.optional(text(500)),
  required: v.boolean(),
  /** The options' stable values (their English text): answers, show-if and results refer to these. */
  options: v.optional(v.pipe(v.array(requiredText(200, 'option')), v.maxLength(30))),
  /** Welsh labels of `options`, by position ('' = not written yet); only ever shown, never stored in answers. */
  optionsCy: v.optional(v.pipe(v.array(text(200)), v.maxLength(30))),
  showIf: v.optional(v.strictObject({ questionId: Id, equals: text(200) })),
  sectionId: v.optional(Id),
})
export type Question = v.InferOutput<typeof QuestionSchema>

export const SurveyFields = {
  title: requiredText(160, 'surveyTitle'),
  titleCy: v.optional(text(160)),
  description: text(2000),
  descriptionCy: v.optional(text(2000)),
  sections: v.pipe(
    v.array(v.strictObject({ id: Id, title: requiredText(160, 'section'), titleCy: v.optional(text(160)) })),
    v.maxLength(30),
  ),
  questions: v.pipe(v.array(QuestionSchema), v.minLength(1, problem('questionRequired')), v.maxLength(100)),
  audience: v.strictObject({ facultyIds: v.array(text(128)), roleFamilies: v.array(v.picklist(ROLE_FAMILIES)) }),
  anonymous: v.boolean(),
  allowEdit: v.boolean(),
  /** Opening is refused until every question, option and title has its Welsh text (see rules/survey-language). */
  welshRequired: v.optional(v.boolean()),
  opensAt: IsoDate,
  closesAt: IsoDate,
  status: v.picklist(['draft', 'open', 'closed']),
  createdByUid: Id,
}
export const SurveySchema = v.object({ ...SYNC_META_ENTRIES, ...SurveyFields })
export type Survey = v.InferOutput<typeof SurveySchema>

// ---------- Skill-share requests ----------
export const REQUEST_STATES = ['pending', 'accepted', 'declined', 'completed', 'cancelled'] as const
export type RequestState = (typeof REQUEST_STATES)[number]
export const SkillShareFields = {
  learnerUid: Id,
  teacherUid: Id,
  skillId: requiredText(80, 'skill'),
  skillName: requiredText(80, 'skill'),
  message: text(1000),
  format: v.picklist(['shadowing', 'demo', 'call']),
  state: v.picklist(REQUEST_STATES),
  /** State → ms when entered. */
  history: v.record(v.picklist(REQUEST_STATES), Millis),
  /** When the learner confirmed the completed session took place (only the learner may set it). */
  learnerConfirmedAt: v.optional(Millis),
  /**
   * When the teacher confirmed the completed session took place (only the teacher may set it): the
   * learner's CPD entry for it shows as verified by the teacher.
   */
  teacherConfirmedAt: v.optional(Millis),
}
export const SkillShareSchema = v.object({
  ...SYNC_META_ENTRIES,
  ...SkillShareFields,
  /**
   * [learnerUid, teacherUid], set by the server on every write (never by a client): the rules let
   * only these two read a request, and pulls filter on it (`array-contains` the caller's uid).
   */
  parties: v.optional(v.pipe(v.array(Id), v.maxLength(2))),
  /** When the learner endorsed the teacher's skill after the completed session (set only by the endorseSkill callable: once). */
  endorsedAt: v.optional(Millis),
})
export type SkillShareRequest = v.InferOutput<typeof SkillShareSchema>
