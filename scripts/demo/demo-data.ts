/**
 * A fictional demo institution, "Example University" (example.ac.uk), for `npm start`, browser
 * tests and benches. Pure and deterministic: the same options give the same data (a seeded PRNG,
 * no Math.random, no clock — pass `now`). Shapes follow the Technician Commitment documents (a
 * Stage Two 36-month plan with phases, owners glossary, numeric success measures and RAG history;
 * a technician-voice workshop survey); every person, name and address is invented.
 */
import type { Role } from '@/domain/common'
import type {
  ActionPlan,
  Comment,
  CpdEntry,
  Equality,
  Idea,
  Institution,
  Member,
  MemberSkill,
  PlanAction,
  RagChange,
  RagStatus,
  Registration,
  SkillShareRequest,
  SuccessMeasure,
  Survey,
  Vote,
} from '@/domain/entities'
import { REGISTRATION_STEPS, type ROLE_FAMILIES, type SKILL_CATEGORIES } from '@/domain/entities'
import { directoryProjection, type CollectionName } from '@/domain/collections'
import { checkAnswers, type StoredAnswer } from '@/survey-engine/rules'

export const DEMO_INSTITUTION_ID = 'example-university'
export const DEMO_DOMAIN = 'example.ac.uk'
export const DEMO_PASSWORD = 'demo-password-1'
/** Join code for staff without an example.ac.uk address; stored on the institution only as a SHA-256 hash. */
export const DEMO_JOIN_CODE = 'DEMO-2026'
/** The default `now`: 23 Nov 2026, 09:00 UTC. */
export const DEMO_DEFAULT_NOW = Date.UTC(2026, 10, 23, 9, 0, 0)

export interface DemoUser {
  uid: string
  email: string
  password: string
  role: Role
  displayName: string
}

/** The three sign-ins printed by `npm start`. */
export const DEMO_ACCOUNTS = [
  { uid: 'demo-lead', email: `lead@${DEMO_DOMAIN}`, role: 'lead', displayName: 'Morwenna Halloran' },
  { uid: 'demo-champion', email: `champion@${DEMO_DOMAIN}`, role: 'champion', displayName: 'Tobias Renfrew' },
  { uid: 'demo-tech', email: `tech@${DEMO_DOMAIN}`, role: 'technician', displayName: 'Amara Okonjo' },
] as const satisfies readonly Omit<DemoUser, 'password'>[]

export interface DemoOptions {
  /** Total members including the three demo accounts (default 36; benches ask for 10,000). */
  members?: number
  /** PRNG seed (default 20260301). */
  seed?: number
  /** "Today" in ms; plan phases, RAG history and survey dates are placed around it. */
  now?: number
}

export interface DemoData {
  institution: Institution
  /**
   * Every member's full profile (stored at users/{uid}/profiles/{uid}); the directory copy at
   * institutions/{inst}/members/{uid} is its `directoryProjection` (none for hidden members).
   */
  members: Member[]
  /** One per member who chose to answer; id = uid (users/{uid}/equality/{uid}). */
  equality: Equality[]
  cpdByUid: Record<string, CpdEntry[]>
  registrationsByUid: Record<string, Registration[]>
  plans: ActionPlan[]
  actions: PlanAction[]
  ragChanges: RagChange[]
  ideas: Idea[]
  comments: Comment[]
  votes: Vote[]
  surveys: Survey[]
  /**
   * Answers to closed surveys, by survey id, as the survey callables store them once they left the
   * mixing pool (`institutions/{inst}/surveys/{id}/responses/{key}`): normalised answers and the
   * breakdown group, no uid, no name, no time.
   */
  surveyResponses: Record<string, DemoSurveyResponse[]>
  /** Themes a lead tagged free-text answers with, by survey id (the seed stores their content keys). */
  surveyThemes: Record<string, DemoSurveyTheme[]>
  requests: SkillShareRequest[]
  users: DemoUser[]
  joinCode: string
}

// ------------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: tiny, fast, good enough for demo data. */
export function createRng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(next() * arr.length)] as T
  const chance = (p: number) => next() < p
  /** k distinct items, order preserved from a shuffle. */
  const sample = <T>(arr: readonly T[], k: number): T[] => {
    const copy = [...arr]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
    }
    return copy.slice(0, Math.max(0, Math.min(k, copy.length)))
  }
  return { next, int, pick, chance, sample }
}
export type Rng = ReturnType<typeof createRng>

// ------------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const utc = (y: number, m: number, d: number, h = 9) => Date.UTC(y, m, d, h)
const monthLabel = (y: number, m: number) => {
  const d = new Date(Date.UTC(y, m, 1))
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

// ------------------------------------------------------------------------------------------------
// The institution

const FACULTIES = [
  {
    id: 'fac-science',
    name: 'Faculty of Science',
    departments: ['Biosciences', 'Chemistry', 'Physics', 'Earth and Environmental Sciences'],
  },
  {
    id: 'fac-engineering',
    name: 'Faculty of Engineering',
    departments: ['Mechanical Engineering', 'Electronic Engineering', 'Civil Engineering'],
  },
  { id: 'fac-medicine', name: 'Faculty of Medicine and Health', departments: ['Biomedical Sciences', 'Pharmacy', 'Clinical Skills'] },
  { id: 'fac-arts', name: 'Faculty of Arts and Design', departments: ['Fine Art', 'Fashion and Textiles', 'Media Production'] },
  { id: 'fac-services', name: 'Professional Services', departments: ['IT Services', 'Estates and Facilities', 'Library'] },
] as const
type FacultyId = (typeof FACULTIES)[number]['id']
const SITES = ['Main Campus', 'Riverside Campus', 'Northfield Research Park'] as const

// ------------------------------------------------------------------------------------------------
// People (all invented)

const FIRST_NAMES = [
  'Aled',
  'Bethan',
  'Callum',
  'Dara',
  'Efe',
  'Fiona',
  'Gwilym',
  'Hana',
  'Imogen',
  'Jasper',
  'Kiran',
  'Leona',
  'Mateusz',
  'Niamh',
  'Oluwaseun',
  'Pippa',
  'Quentin',
  'Ravi',
  'Saoirse',
  'Tomasz',
  'Ulrika',
  'Vikram',
  'Wren',
  'Xanthe',
  'Yusuf',
  'Zara',
  'Ansel',
  'Bronwen',
  'Cosmo',
  'Delyth',
  'Eamon',
  'Farah',
  'Gideon',
  'Hattie',
  'Idris',
  'Juno',
  'Kofi',
  'Lowri',
  'Marek',
  'Nadia',
] as const
const LAST_NAMES = [
  'Abernethy',
  'Bellweather',
  'Carrow',
  'Daventry',
  'Elswick',
  'Fenwright',
  'Garside',
  'Hollins',
  'Ingleby',
  'Jessop',
  'Kettering',
  'Lammas',
  'Marchbank',
  'Nethercott',
  'Oakhurst',
  'Pennick',
  'Quarrie',
  'Rowntree',
  'Stallard',
  'Thistlethwaite',
  'Underhill',
  'Varley',
  'Whitlock',
  'Yeardley',
  'Ashdown',
  'Brackenbury',
  'Cheswick',
  'Dunmore',
  'Eveleigh',
  'Foxley',
  'Gilchrist',
  'Harrowby',
  'Iredale',
  'Kilbride',
  'Larkworthy',
  'Mossop',
  'Northam',
  'Penhallow',
  'Redfern',
  'Sowerby',
] as const
const PRONOUNS = ['she/her', 'he/him', 'they/them'] as const

// ------------------------------------------------------------------------------------------------
// Skills taxonomy (small and realistic)

type SkillCategory = (typeof SKILL_CATEGORIES)[number]
export const DEMO_SKILLS: readonly { id: string; name: string; category: SkillCategory }[] = [
  { id: 'pcr', name: 'PCR and qPCR', category: 'technique' },
  { id: 'cell-culture', name: 'Mammalian cell culture', category: 'technique' },
  { id: 'western-blotting', name: 'Western blotting', category: 'technique' },
  { id: 'confocal-microscopy', name: 'Confocal microscopy', category: 'equipment' },
  { id: 'electron-microscopy', name: 'Scanning electron microscopy', category: 'equipment' },
  { id: 'flow-cytometry', name: 'Flow cytometry', category: 'equipment' },
  { id: 'mass-spectrometry', name: 'Mass spectrometry', category: 'equipment' },
  { id: 'hplc', name: 'HPLC', category: 'equipment' },
  { id: 'nmr', name: 'NMR spectroscopy', category: 'equipment' },
  { id: 'xrd', name: 'X-ray diffraction', category: 'equipment' },
  { id: 'cnc-milling', name: 'CNC milling', category: 'equipment' },
  { id: '3d-printing', name: '3D printing', category: 'equipment' },
  { id: 'laser-cutting', name: 'Laser cutting', category: 'equipment' },
  { id: 'welding', name: 'TIG and MIG welding', category: 'technique' },
  { id: 'electronics', name: 'Electronics assembly and soldering', category: 'technique' },
  { id: 'screen-printing', name: 'Screen printing', category: 'technique' },
  { id: 'digital-weaving', name: 'Digital jacquard weaving', category: 'equipment' },
  { id: 'video-production', name: 'Video production and editing', category: 'software' },
  { id: 'python', name: 'Python', category: 'software' },
  { id: 'r-stats', name: 'R for data analysis', category: 'software' },
  { id: 'cad', name: 'CAD (SolidWorks / Fusion)', category: 'software' },
  { id: 'linux-admin', name: 'Linux system administration', category: 'software' },
  { id: 'risk-assessment', name: 'Risk assessment', category: 'safety' },
  { id: 'coshh', name: 'COSHH assessment', category: 'safety' },
  { id: 'radiation-protection', name: 'Radiation protection', category: 'safety' },
  { id: 'biosafety', name: 'Biosafety (CL2/CL3)', category: 'safety' },
  { id: 'lab-demonstrating', name: 'Teaching lab demonstrating', category: 'teaching' },
  { id: 'training-design', name: 'Designing practical training', category: 'teaching' },
  { id: 'mentoring', name: 'Mentoring', category: 'soft' },
  { id: 'project-management', name: 'Project and equipment procurement management', category: 'soft' },
]
const skillById = new Map(DEMO_SKILLS.map((s) => [s.id, s]))

type RoleFamily = (typeof ROLE_FAMILIES)[number]
/** Which skills and role families fit a department's faculty. */
const FACULTY_PROFILE: Record<FacultyId, { families: RoleFamily[]; skills: string[] }> = {
  'fac-science': {
    families: ['laboratory', 'laboratory', 'research', 'analytical', 'teaching', 'apprentice'],
    skills: [
      'pcr',
      'cell-culture',
      'western-blotting',
      'confocal-microscopy',
      'electron-microscopy',
      'mass-spectrometry',
      'hplc',
      'nmr',
      'xrd',
      'python',
      'r-stats',
      'coshh',
      'radiation-protection',
      'risk-assessment',
      'lab-demonstrating',
    ],
  },
  'fac-engineering': {
    families: ['workshop', 'workshop', 'laboratory', 'teaching', 'apprentice'],
    skills: [
      'cnc-milling',
      '3d-printing',
      'laser-cutting',
      'welding',
      'electronics',
      'cad',
      'python',
      'risk-assessment',
      'lab-demonstrating',
      'training-design',
    ],
  },
  'fac-medicine': {
    families: ['laboratory', 'research', 'analytical', 'teaching'],
    skills: [
      'pcr',
      'cell-culture',
      'flow-cytometry',
      'confocal-microscopy',
      'western-blotting',
      'biosafety',
      'coshh',
      'risk-assessment',
      'r-stats',
      'lab-demonstrating',
    ],
  },
  'fac-arts': {
    families: ['studio', 'studio', 'workshop', 'teaching'],
    skills: [
      'screen-printing',
      'digital-weaving',
      'video-production',
      'laser-cutting',
      '3d-printing',
      'risk-assessment',
      'training-design',
    ],
  },
  'fac-services': {
    families: ['it', 'support', 'other'],
    skills: ['linux-admin', 'python', 'video-production', 'project-management', 'risk-assessment'],
  },
}
const GENERIC_SKILLS = ['mentoring', 'project-management', 'training-design', 'risk-assessment'] as const

const JOB_TITLES: Record<RoleFamily, readonly string[]> = {
  research: ['Research Technician', 'Senior Research Technician'],
  teaching: ['Teaching Laboratory Technician', 'Senior Teaching Technician'],
  support: ['Technical Services Coordinator', 'Technical Support Officer'],
  laboratory: ['Laboratory Technician', 'Senior Laboratory Technician', 'Laboratory Manager'],
  workshop: ['Mechanical Workshop Technician', 'CNC Technician', 'Workshop Manager'],
  studio: ['Print Studio Technician', 'Textiles Technician', 'Media Technician'],
  analytical: ['Analytical Scientist', 'Mass Spectrometry Technician', 'Instrument Specialist'],
  it: ['Research Computing Technician', 'AV and Media Technician'],
  apprentice: ['Apprentice Technician'],
  other: ['Technical Officer', 'Facilities Technician'],
}
const GRADE_BY_LEVEL = ['Grade 4', 'Grade 5', 'Grade 6', 'Grade 7'] as const

// ------------------------------------------------------------------------------------------------
// Generator

const meta = (id: string, now: number) => ({ id, updatedAt: now, version: 1, deleted: false, lastMutationId: null })
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')

export function generateDemoData(options: DemoOptions = {}): DemoData {
  const count = Math.max(DEMO_ACCOUNTS.length, Math.floor(options.members ?? 36))
  const rng = createRng(options.seed ?? 20260301)
  const now = options.now ?? DEMO_DEFAULT_NOW
  const today = new Date(now)

  // Plan window: a Stage Two 36-month plan that started 12–24 months ago, so "today" is in P2.
  const startYear = today.getUTCMonth() >= 5 ? today.getUTCFullYear() - 1 : today.getUTCFullYear() - 2
  const planStart = utc(startYear, 5, 1)
  const planEnd = utc(startYear + 3, 4, 31)
  const phaseEnd = (p: 1 | 2 | 3) => utc(startYear + p, 4, 31)
  const yearOf = (ms: number) => new Date(ms).getUTCFullYear()

  // ---------- institution ----------
  const institution: Institution = {
    ...meta(DEMO_INSTITUTION_ID, now),
    name: 'Example University',
    emailDomains: [DEMO_DOMAIN],
    faculties: FACULTIES.map((f) => ({ id: f.id, name: f.name, departments: [...f.departments] })),
    sites: [...SITES],
    planUrl: 'https://www.example.ac.uk/technician-commitment',
    contactName: DEMO_ACCOUNTS[0].displayName,
    signatoryDate: isoDate(utc(startYear - 3, 2, 14)),
    developmentDaysPerYear: 10,
    cpdYearStartMonth: 8,
  }

  // ---------- members ----------
  const members: Member[] = []
  const users: DemoUser[] = []
  const usedEmails = new Set<string>()
  const fixed: Record<
    string,
    {
      facultyId: FacultyId
      department: string
      family: RoleFamily
      title: string
      grade: string
      site: string
      skills: MemberSkill[]
      bio: string
    }
  > = {
    'demo-lead': {
      facultyId: 'fac-science',
      department: 'Chemistry',
      family: 'analytical',
      title: 'Head of Technical Services',
      grade: 'Grade 8',
      site: SITES[0],
      skills: [
        skill('mass-spectrometry', 'expert', true, false),
        skill('nmr', 'practitioner', false, false),
        skill('project-management', 'expert', true, false),
        skill('mentoring', 'expert', true, false),
        skill('python', 'learning', false, true),
      ],
      bio: 'Leads technical services and chairs the Technician Commitment steering group. Ask me about the action plan or professional registration.',
    },
    'demo-champion': {
      facultyId: 'fac-engineering',
      department: 'Mechanical Engineering',
      family: 'workshop',
      title: 'Workshop Manager',
      grade: 'Grade 7',
      site: SITES[1],
      skills: [
        skill('cnc-milling', 'expert', true, false),
        skill('cad', 'expert', true, false),
        skill('welding', 'practitioner', true, false),
        skill('risk-assessment', 'expert', true, false),
        skill('3d-printing', 'practitioner', false, false),
        skill('training-design', 'learning', false, true),
      ],
      bio: 'Faculty technician champion for Engineering. Runs the student workshop and the apprentices’ induction.',
    },
    'demo-tech': {
      facultyId: 'fac-science',
      department: 'Biosciences',
      family: 'laboratory',
      title: 'Laboratory Technician',
      grade: 'Grade 5',
      site: SITES[0],
      skills: [
        skill('pcr', 'expert', true, false),
        skill('cell-culture', 'practitioner', true, false),
        skill('coshh', 'practitioner', false, false),
        skill('confocal-microscopy', 'learning', false, true),
        skill('python', 'learning', false, true),
      ],
      bio: 'Runs the molecular biology teaching labs. Happy to show anyone our qPCR set-up; currently learning confocal imaging.',
    },
  }

  for (let i = 0; i < count; i++) {
    const account = DEMO_ACCOUNTS[i]
    let uid: string, displayName: string, email: string, role: Role
    if (account) {
      ;({ uid, displayName, email, role } = account)
    } else {
      uid = `member-${String(i + 1).padStart(5, '0')}`
      const first = rng.pick(FIRST_NAMES)
      const last = rng.pick(LAST_NAMES)
      displayName = `${first} ${last}`
      let local = slug(`${first}.${last}`)
      for (let n = 2; usedEmails.has(`${local}@${DEMO_DOMAIN}`); n++) local = `${slug(`${first}.${last}`)}${n}`
      email = `${local}@${DEMO_DOMAIN}`
      // One extra champion per other faculty, among the first generated members.
      role = i >= 3 && i < 3 + FACULTIES.length - 1 ? 'champion' : 'technician'
    }
    usedEmails.add(email)

    const f = fixed[uid]
    let facultyId: FacultyId,
      department: string,
      family: RoleFamily,
      jobTitle: string,
      gradeBand: string,
      site: string,
      skills: MemberSkill[],
      bio: string
    if (f) {
      ;({ facultyId, department, family, title: jobTitle, grade: gradeBand, site, skills, bio } = f)
    } else {
      const faculty =
        i >= 3 && i < 3 + FACULTIES.length - 1
          ? (FACULTIES.filter((x) => x.id !== 'fac-engineering')[i - 3] ?? FACULTIES[0])
          : rng.pick(FACULTIES)
      facultyId = faculty.id
      department = rng.pick(faculty.departments)
      const profile = FACULTY_PROFILE[facultyId]
      family = rng.pick(role === 'champion' ? profile.families.filter((x) => x !== 'apprentice') : profile.families)
      jobTitle =
        family === 'apprentice'
          ? facultyId === 'fac-engineering'
            ? 'Apprentice Engineering Technician'
            : facultyId === 'fac-science' || facultyId === 'fac-medicine'
              ? 'Apprentice Laboratory Technician'
              : 'Apprentice Technician'
          : rng.pick(JOB_TITLES[family])
      const senior = /Senior|Manager|Specialist/.test(jobTitle)
      gradeBand = family === 'apprentice' ? 'Apprentice' : senior ? rng.pick(GRADE_BY_LEVEL.slice(2)) : rng.pick(GRADE_BY_LEVEL.slice(0, 3))
      site =
        facultyId === 'fac-medicine' ? SITES[2] : facultyId === 'fac-engineering' || facultyId === 'fac-arts' ? SITES[1] : rng.pick(SITES)
      skills = makeSkills(rng, profile.skills, family === 'apprentice', senior)
      const topSkill = skills.find((s) => s.level === 'expert') ?? skills[0]
      bio = topSkill
        ? `${jobTitle} in ${department}. ${topSkill.canTeach ? `Happy to help colleagues with ${topSkill.name.toLowerCase()}.` : `Working mostly with ${topSkill.name.toLowerCase()}.`}`
        : `${jobTitle} in ${department}.`
    }
    const contract = family === 'apprentice' ? 'apprenticeship' : rng.chance(0.82) ? 'permanent' : 'fixed-term'
    const joinedAt = account ? now - (400 - i * 90) * DAY : now - rng.int(3, 700) * DAY
    const hidden = !account && i % 12 === 7 // a few members keep their profile out of the directory
    const m: Member = {
      ...meta(uid, now),
      institutionId: DEMO_INSTITUTION_ID,
      displayName,
      email,
      role,
      jobTitle,
      roleFamily: family,
      facultyId,
      department,
      site,
      gradeBand,
      contract,
      bio,
      visibility: hidden ? 'hidden' : 'institution',
      skills,
      joinedAt: Math.max(0, joinedAt - (joinedAt % 1000)),
    }
    if (account || rng.chance(0.4)) m.pronouns = account ? (['she/her', 'he/him', 'she/her'] as const)[i] : rng.pick(PRONOUNS)
    members.push(m)
    users.push({ uid, email, password: DEMO_PASSWORD, role, displayName })
  }
  const byUid = new Map(members.map((m) => [m.id, m]))
  const nameOf = (uid: string) => byUid.get(uid)?.displayName ?? 'A colleague'
  const others = members.slice(3).map((m) => m.id)
  const someone = (k: number) => others[k % Math.max(1, others.length)] ?? 'demo-tech'

  // ---------- equality (optional, held apart; ~70% answer) ----------
  const equality: Equality[] = []
  for (const m of members) {
    if (m.id !== 'demo-tech' && !rng.chance(0.7)) continue
    equality.push({
      ...meta(m.id, now),
      gender: rng.pick(['Woman', 'Woman', 'Man', 'Man', 'Man', 'Non-binary', 'Prefer not to say']),
      ethnicity: rng.pick([
        'White British',
        'White British',
        'White British',
        'White other',
        'Asian or Asian British',
        'Black or Black British',
        'Mixed or multiple',
        'Prefer not to say',
      ]),
      ageBand:
        m.roleFamily === 'apprentice' ? '16-24' : rng.pick(['25-34', '35-44', '45-54', '45-54', '55-64', '65+', 'prefer-not'] as const),
      disability: rng.pick(['no', 'no', 'no', 'no', 'yes', 'prefer-not'] as const),
    })
  }

  // ---------- CPD ----------
  const cpdByUid: Record<string, CpdEntry[]> = {}
  const cpd = (
    uid: string,
    n: number,
    e: Omit<CpdEntry, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId' | 'evidenceIds'> & { evidenceIds?: string[] },
  ) => {
    ;(cpdByUid[uid] ??= []).push({ ...meta(`cpd-${uid}-${n}`, now), evidenceIds: [], ...e })
  }
  const daysAgo = (d: number) => isoDate(now - d * DAY)
  cpd('demo-tech', 1, {
    title: 'Confocal microscopy user training (level 1)',
    startDate: daysAgo(40),
    hours: 6,
    type: 'formal',
    skillIds: ['confocal-microscopy'],
    learned: 'Set-up, light path, choosing laser lines and detectors; booking rules for the shared confocal.',
    benefitPractice: 'Can now prepare and image teaching samples without waiting for the imaging facility.',
    benefitUsers: 'Final-year project students get imaging support in the lab rather than a two-week wait.',
    requestId: 'req-confocal-1',
  })
  cpd('demo-tech', 2, {
    title: 'Introduction to Python for lab data',
    startDate: daysAgo(95),
    endDate: daysAgo(67),
    hours: 12,
    type: 'self-directed',
    skillIds: ['python'],
    learned: 'Pandas basics; reading plate-reader exports; simple plots.',
    benefitPractice: 'Automated the weekly qPCR plate summary (saves about an hour a week).',
  })
  cpd('demo-tech', 3, {
    title: 'Ran the qPCR refresher for new teaching assistants',
    startDate: daysAgo(130),
    hours: 3,
    type: 'work-based',
    skillIds: ['pcr', 'lab-demonstrating'],
    learned: 'Explaining Ct values to mixed audiences; a shorter hands-on format works better.',
    benefitUsers: 'Twelve teaching assistants trained before term.',
  })
  cpd('demo-tech', 4, {
    title: 'Technician network regional meeting',
    startDate: daysAgo(210),
    hours: 7,
    type: 'professional',
    skillIds: [],
    learned: 'How two other universities fund registration fees and run writing retreats.',
  })
  cpd('demo-tech', 5, {
    title: 'COSHH assessor refresher',
    startDate: daysAgo(300),
    hours: 4,
    type: 'formal',
    skillIds: ['coshh', 'risk-assessment'],
    benefitPractice: 'Updated the teaching-lab COSHH forms to the new template.',
  })
  cpd('demo-champion', 1, {
    title: 'Mentor training for professional registration',
    startDate: daysAgo(60),
    hours: 5,
    type: 'formal',
    skillIds: ['mentoring'],
    learned: 'What assessors look for in competence statements.',
    benefitUsers: 'Now mentoring two EngTech applicants.',
  })
  cpd('demo-champion', 2, {
    title: '5-axis CNC programming course',
    startDate: daysAgo(150),
    endDate: daysAgo(146),
    hours: 30,
    type: 'formal',
    skillIds: ['cnc-milling', 'cad'],
    benefitPractice: 'Can machine the complex parts that we used to send out.',
  })
  cpd('demo-champion', 3, {
    title: 'Presented at the technician conference',
    startDate: daysAgo(250),
    hours: 8,
    type: 'professional',
    skillIds: ['training-design'],
    learned: 'Preparing a talk for a non-specialist audience.',
  })
  cpd('demo-lead', 1, {
    title: 'Leadership programme for technical managers (module 2)',
    startDate: daysAgo(80),
    endDate: daysAgo(78),
    hours: 14,
    type: 'formal',
    skillIds: ['project-management'],
  })
  cpd('demo-lead', 2, {
    title: 'Reviewed Stage Two submissions as a peer assessor',
    startDate: daysAgo(190),
    hours: 10,
    type: 'professional',
    skillIds: [],
    learned: 'Strong submissions evidence the technician voice with dates and numbers.',
  })
  const CPD_TITLES = [
    'Equipment manufacturer training',
    'Fire warden refresher',
    'Shadowed a colleague in another faculty',
    'Online course on research data management',
    'Attended a technical network meeting',
    'First aid at work refresher',
  ]
  for (const uid of others) {
    const n = rng.int(0, 2)
    for (let j = 1; j <= n; j++) {
      cpd(uid, j, {
        title: rng.pick(CPD_TITLES),
        startDate: daysAgo(rng.int(5, 360)),
        hours: rng.int(1, 14),
        type: rng.pick(['work-based', 'professional', 'formal', 'self-directed'] as const),
        skillIds: [],
      })
    }
  }

  // ---------- professional registration ----------
  const registrationsByUid: Record<string, Registration[]> = {
    'demo-tech': [
      {
        ...meta('reg-demo-tech-rscitech', now),
        target: 'RSciTech',
        steps: { ...STEPS_STARTED },
        competences: {
          A: {
            statement: 'I run qPCR for three undergraduate modules and adapted the protocol when our reagent supplier changed.',
            cpdIds: ['cpd-demo-tech-3'],
          },
          E: { statement: '', cpdIds: ['cpd-demo-tech-4'] },
        },
        feeSupportRequested: true,
      },
    ],
    'demo-champion': [
      {
        ...meta('reg-demo-champion-engtech', now),
        target: 'EngTech',
        steps: { ...STEPS_DONE },
        competences: {},
        feeSupportRequested: false,
      },
      {
        ...meta('reg-demo-champion-ieng', now),
        target: 'IEng',
        steps: { ...STEPS_MENTORING },
        competences: {},
        feeSupportRequested: true,
        basedOn: 'reg-demo-champion-engtech',
      },
    ],
    // The lead is working towards Advance HE recognition (so every screen has something to show them).
    'demo-lead': [
      {
        ...meta('reg-demo-lead-fhea', now),
        target: 'FHEA',
        steps: { ...STEPS_MENTORING },
        competences: {},
        feeSupportRequested: false,
      },
    ],
  }

  addRegistrations(
    registrationsByUid,
    members.filter((m) => !registrationsByUid[m.id]),
    members.length,
    now,
  )

  // ---------- the Stage Two action plan ----------
  const planId = 'plan-stage-two'
  const endY = yearOf(planEnd)
  const p1Y = yearOf(phaseEnd(1))
  const p2Y = yearOf(phaseEnd(2))
  const plans: ActionPlan[] = [
    {
      ...meta(planId, now),
      title: `Technician Commitment 36-month action plan ${startYear}–${endY}`,
      stage: 'two',
      startDate: isoDate(planStart),
      endDate: isoDate(planEnd),
      phases: {
        P1: `${monthLabel(startYear, 5)} – ${monthLabel(startYear + 1, 4)}`,
        P2: `${monthLabel(startYear + 1, 5)} – ${monthLabel(startYear + 2, 4)}`,
        P3: `${monthLabel(startYear + 2, 5)} – ${monthLabel(startYear + 3, 4)}`,
      },
      owners: {
        SG: 'Technician Commitment Steering Group',
        TCWG: 'Technician Commitment Working Group',
        OD: 'Organisational Development',
        HR: 'Human Resources',
        CH: 'Faculty technician champions',
        COMMS: 'Internal Communications',
        ExB: 'Executive Board',
        FD: 'Faculty Deans',
      },
      status: 'published',
    },
  ]

  type ActionSpec = Omit<PlanAction, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId' | 'planId' | 'measures'> & {
    id: string
    measures: Omit<SuccessMeasure, 'id'>[]
    /** RAG at successive quarterly reviews; a review index may be skipped (no change). */
    rag: [number, RagStatus, string][]
  }
  const specs: ActionSpec[] = [
    {
      id: 'act-v1',
      code: 'V1',
      themes: ['visibility'],
      timeframe: 'Continuing',
      owner: 'TCWG, CH',
      activity:
        'Grow the technician community channel on Microsoft Teams as the place to share news, ask for help and network across faculties.',
      outputs: 'More channels run by technicians; a monthly "meet the team" post.',
      measures: [
        {
          text: `Teams membership from 148 +20% by ${endY}`,
          baseline: 148,
          target: 178,
          current: 166,
          unit: 'members',
          deadline: isoDate(planEnd),
          source: 'manual',
        },
      ],
      rag: [
        [0, 'amber', 'Channel exists; membership drive starts with the new academic year.'],
        [2, 'amber', 'Membership up to 159; champions posting monthly.'],
        [4, 'amber', 'Membership 166, on track for the target.'],
      ],
    },
    {
      id: 'act-v1-ii',
      code: 'V1 ii',
      parentId: 'act-v1',
      themes: ['visibility'],
      timeframe: 'P1',
      owner: 'SG',
      activity:
        'Self-registration of all colleagues who identify as a technician and want to be part of our community, including non-laboratory technical staff.',
      outputs: 'Technician Hub open to everyone with an example.ac.uk address or a join code.',
      measures: [
        {
          text: `Technicians registered: 0 → 400 by ${p1Y}`,
          baseline: 0,
          target: 400,
          unit: 'members',
          deadline: isoDate(phaseEnd(1)),
          source: 'members',
        },
      ],
      rag: [
        [0, 'red', 'Waiting for the registration tool; procurement decision due next quarter.'],
        [1, 'amber', 'Technician Hub pilot with two faculties.'],
        [3, 'green', 'Open to all faculties; registration continues as business as usual.'],
      ],
    },
    {
      id: 'act-v2',
      code: 'V2',
      themes: ['visibility'],
      timeframe: 'P1-3',
      owner: 'TCWG, COMMS',
      activity: 'Refresh the technician web pages with case studies of technical teams, and recruit volunteers to keep them up to date.',
      measures: [{ text: '4 new case studies per year', baseline: 0, target: 4, current: 3, unit: 'per year', source: 'manual' }],
      rag: [
        [0, 'amber', 'Two volunteers trained on the web editor.'],
        [2, 'red', 'Only one case study published: Communications team short-staffed until spring. Volunteers will draft the next three.'],
        [3, 'amber', 'Two more case studies published.'],
      ],
    },
    {
      id: 'act-v3',
      code: 'V3',
      themes: ['visibility', 'sustainability'],
      timeframe: 'P1-3',
      owner: 'SG',
      activity: 'Annual technician conference and networking day, with sessions run by technicians.',
      measures: [
        {
          text: 'Events that encourage wide participation (>50% of technicians attend)',
          target: 50,
          current: 54,
          unit: '%',
          source: 'manual',
        },
      ],
      rag: [
        [0, 'amber', 'Date set; call for talks open.'],
        [1, 'green', 'First conference held: 54% of technicians attended.'],
      ],
    },
    {
      id: 'act-r1',
      code: 'R1',
      themes: ['recognition'],
      timeframe: 'P2',
      owner: 'SG, ExB',
      activity: 'Fair attribution policy: recognise technical contributions to research outputs by authorship or acknowledgement.',
      measures: [{ text: 'A policy in place that is accessible to everyone', deadline: isoDate(phaseEnd(2)), source: 'manual' }],
      rag: [
        [0, 'red', 'Planned for P2: depends on the research office’s review of the publications policy.'],
        [4, 'red', 'Not started: the publications policy review slipped to next term. SG chair has escalated to ExB.'],
      ],
    },
    {
      id: 'act-r2',
      code: 'R2',
      themes: ['recognition', 'career'],
      timeframe: 'P1-3',
      owner: 'OD, SG',
      activity: 'Support professional registration (RSciTech, RSci, EngTech, IEng): first-year fees, mentors and writing retreats.',
      measures: [
        {
          text: `Professionally registered technicians from 22 to 60 by ${endY}`,
          baseline: 22,
          target: 60,
          current: 31,
          unit: 'people',
          deadline: isoDate(planEnd),
          source: 'registrations',
        },
        { text: 'Technicians progressing from RSciTech to RSci: 5 per year', target: 5, current: 2, unit: 'per year', source: 'manual' },
      ],
      rag: [
        [0, 'amber', 'Fee support agreed for the first year of registration.'],
        [2, 'amber', 'First writing retreat: 11 attended.'],
        [4, 'amber', '31 registered; second retreat booked.'],
      ],
    },
    {
      id: 'act-r3',
      code: 'R3',
      themes: ['recognition'],
      timeframe: 'Continuing',
      owner: 'TCWG',
      activity: 'Nominate technicians for internal and national awards, and make the calls visible to all staff so academics nominate too.',
      measures: [{ text: '3 external nominations per year', target: 3, current: 4, unit: 'per year', source: 'manual' }],
      rag: [
        [0, 'amber', 'Award calendar published.'],
        [3, 'green', 'Four external nominations this year, one winner.'],
      ],
    },
    {
      id: 'act-cd1',
      code: 'CD1',
      themes: ['career'],
      timeframe: 'P1-2',
      owner: 'HR, FD',
      activity: 'Define career pathways for technical staff, with job titles consistent with grade in every faculty.',
      measures: [
        {
          text: 'Pathways published for all 5 faculties',
          baseline: 0,
          target: 5,
          current: 2,
          unit: 'faculties',
          deadline: isoDate(phaseEnd(2)),
          source: 'manual',
        },
      ],
      rag: [
        [0, 'red', 'HR job-family review must finish first; expected next quarter.'],
        [2, 'amber', 'Science and Engineering pathways drafted.'],
        [4, 'amber', 'Two published; Arts and Medicine in consultation.'],
      ],
    },
    {
      id: 'act-cd2',
      code: 'CD2',
      themes: ['career'],
      timeframe: 'P2-3',
      owner: 'OD',
      activity: 'A technical mentoring scheme and job shadowing between faculties, matched through the skills directory.',
      measures: [
        {
          text: `Mentor–mentee pairs from 6 to 30 by ${p2Y}`,
          baseline: 6,
          target: 30,
          current: 14,
          unit: 'pairs',
          deadline: isoDate(phaseEnd(2)),
          source: 'manual',
        },
      ],
      rag: [
        [1, 'red', 'Scheme design delayed: OD lead on leave. Interim lead named.'],
        [3, 'amber', 'Scheme launched with 14 pairs.'],
      ],
    },
    {
      id: 'act-cd3',
      code: 'CD3',
      themes: ['career'],
      timeframe: 'P1-3',
      owner: 'OD, CH',
      activity: 'Every technician records CPD and discusses it at the annual appraisal; at least 10 development days a year.',
      measures: [{ text: '≥75% of technicians log CPD each year', target: 75, current: 48, unit: '%', source: 'cpd-participation' }],
      rag: [
        [0, 'amber', 'CPD logging available in Technician Hub.'],
        [3, 'amber', '61% logged CPD in the last 12 months.'],
        [
          5,
          'red',
          'Participation fell to 48% after the appraisal form changed and lost its CPD section; HR will restore it before the next round.',
        ],
      ],
    },
    {
      id: 'act-s1',
      code: 'S1',
      themes: ['sustainability'],
      timeframe: 'P1-3',
      owner: 'SG',
      activity: 'A contact point for skill sharing: a searchable directory of technicians’ skills and who is happy to teach them.',
      measures: [{ text: 'Skills recorded by 80% of registered technicians', target: 80, current: 71, unit: '%', source: 'members' }],
      rag: [
        [0, 'amber', 'Skills taxonomy agreed with the champions.'],
        [2, 'green', 'Directory live; skill-share requests in use.'],
      ],
    },
    {
      id: 'act-s2',
      code: 'S2',
      themes: ['sustainability', 'career'],
      timeframe: 'P1-2',
      owner: 'HR, OD',
      activity: 'Grow apprenticeships, including for people already in role, making full use of the apprenticeship levy.',
      measures: [
        {
          text: `Apprenticeships 9 → 14 by ${p2Y}`,
          baseline: 9,
          target: 14,
          current: 11,
          unit: 'apprentices',
          deadline: isoDate(phaseEnd(2)),
          source: 'manual',
        },
      ],
      rag: [
        [0, 'amber', 'Recruitment for September intake open.'],
        [2, 'amber', 'Two new apprentices started; 11 in total.'],
      ],
    },
    {
      id: 'act-s4',
      code: 'S4',
      themes: ['sustainability'],
      timeframe: 'P2-3',
      owner: 'CH, FD',
      activity: 'Succession planning: find single points of failure in specialist skills and plan cover before people retire.',
      measures: [
        { text: 'Every department reviews its skills matrix once a year', target: 16, current: 5, unit: 'departments', source: 'manual' },
      ],
      rag: [
        [2, 'red', 'Waiting for enough skills data in the directory to spot single points of failure.'],
        [4, 'amber', 'First five departments reviewed.'],
      ],
    },
    {
      id: 'act-a1',
      code: 'A1',
      themes: ['all'],
      timeframe: 'Continuing',
      owner: 'SG',
      activity: 'Quarterly steering group review of progress against the plan, with a short report to the technical community.',
      measures: [{ text: '4 reviews per year and an annual report to ExB', target: 4, current: 4, unit: 'per year', source: 'manual' }],
      rag: [[0, 'green', 'Reviews scheduled for the life of the plan.']],
    },
    {
      id: 'act-a2',
      code: 'A2',
      themes: ['all'],
      timeframe: 'P1-3',
      owner: 'TCWG, CH',
      activity: 'Technician voice: consult technicians at each phase through workshops, the annual survey and ideas in Technician Hub.',
      measures: [
        { text: '>30% response rate to the annual technician survey', target: 30, current: 27, unit: '%', source: 'survey-response-rate' },
      ],
      rag: [
        [0, 'amber', 'First workshop held with each faculty.'],
        [3, 'amber', 'Annual survey: 27% responded; champions to run drop-in sessions.'],
      ],
    },
  ]

  // Quarterly reviews: a few days after each quarter starts, never after "now".
  const reviewAt = (i: number) => {
    const d = new Date(planStart)
    const at = utc(d.getUTCFullYear(), d.getUTCMonth() + 3 * i, 10, 14)
    return Math.min(at, now - DAY)
  }
  const lastReview = Math.max(0, Math.floor((now - planStart) / (91 * DAY)))
  const actions: PlanAction[] = []
  const ragChanges: RagChange[] = []
  for (const s of specs) {
    const { rag, measures, ...rest } = s
    actions.push({
      ...meta(s.id, now),
      ...rest,
      planId,
      measures: measures.map((m, k) => ({ id: `${s.id}-m${k + 1}`, ...m })),
    })
    let prevAt = -1
    for (const [k, [review, status, rationale]] of rag.entries()) {
      const idx = Math.min(review, lastReview)
      let at = reviewAt(idx) + k * 60_000 // distinct times even when reviews collapse
      if (at <= prevAt) at = prevAt + 60_000
      prevAt = at
      ragChanges.push({ ...meta(`rag-${s.id}-${k + 1}`, now), actionId: s.id, status, rationale, at, byUid: 'demo-lead' })
    }
  }

  // ---------- the technician-voice survey (open) ----------
  const surveyId = 'survey-technician-voice'
  const THEME_SECTIONS = [
    {
      id: 'sec-visibility',
      title: 'Visibility',
      statement: 'Every technician is known and valued across the university, not only by their own team.',
    },
    {
      id: 'sec-recognition',
      title: 'Recognition',
      statement: 'Technicians are supported to gain recognition, including through professional registration.',
    },
    {
      id: 'sec-career',
      title: 'Career development',
      statement: 'Every technician has a clear route to develop and progress, with time set aside to do so.',
    },
    {
      id: 'sec-sustainability',
      title: 'Sustainability',
      statement: 'Skills are shared and passed on so that no specialist skill depends on one person.',
    },
  ] as const
  const LIKERT = [...LIKERT_LABELS]
  const surveys: Survey[] = [
    {
      ...meta(surveyId, now),
      title: `Technician voice workshop: shaping Phase ${today.getTime() < phaseEnd(1) ? 2 : 3}`,
      description:
        'For each theme, tell us what questions it raises, what gets in the way and what good would look like. Anonymous: answers are reported only in aggregate, and groups under 5 are never shown. Takes about 10 minutes.',
      sections: THEME_SECTIONS.map((t) => ({ id: t.id, title: t.title })),
      questions: THEME_SECTIONS.flatMap((t) => {
        const k = t.id.replace('sec-', '')
        return [
          {
            id: `q-${k}-now`,
            type: 'likert' as const,
            prompt: `"${t.statement}" This is true for me today.`,
            required: true,
            options: LIKERT,
            sectionId: t.id,
          },
          {
            id: `q-${k}-questions`,
            type: 'long' as const,
            prompt: 'In relation to this theme, what questions does this raise?',
            help: t.statement,
            required: false,
            sectionId: t.id,
          },
          {
            id: `q-${k}-barriers`,
            type: 'long' as const,
            prompt: 'What are the barriers or issues that would get in the way of this happening?',
            required: false,
            sectionId: t.id,
          },
          {
            id: `q-${k}-good`,
            type: 'long' as const,
            prompt: 'What would good look like if we did this well?',
            required: false,
            sectionId: t.id,
          },
        ]
      }),
      audience: { facultyIds: [], roleFamilies: [] },
      anonymous: true,
      allowEdit: false,
      opensAt: isoDate(now - 7 * DAY),
      closesAt: isoDate(now + 28 * DAY),
      status: 'open',
      createdByUid: 'demo-champion',
    },
  ]

  // ---------- last year's annual survey (closed, answered) ----------
  const annual = annualSurvey(members, createRng((options.seed ?? 20260301) + 17), now)
  surveys.push(annual.survey)
  const surveyResponses: Record<string, DemoSurveyResponse[]> = { [annual.survey.id]: annual.responses }
  const surveyThemes: Record<string, DemoSurveyTheme[]> = { [annual.survey.id]: annual.themes }

  // ---------- ideas, comments, votes ----------
  const at = (d: number, h = 0) => now - d * DAY + h * 3_600_000
  const ideaSpecs: Omit<Idea, 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>[] = [
    {
      id: 'idea-writing-retreat',
      authorUid: 'demo-tech',
      title: 'A writing retreat for registration applications',
      body: 'Two protected days away from the lab to write competence reports, with a registered technician on hand to read drafts.',
      actionId: 'act-r2',
      theme: 'recognition',
      status: 'adopted',
      response: 'Adopted: the first retreat ran in the spring and a second is booked (see R2).',
      adoptedActionId: 'act-r2',
      createdAt: at(300),
    },
    {
      id: 'idea-kit-swap',
      authorUid: someone(1),
      title: 'Equipment and consumables swap board',
      body: 'A place to offer spare consumables and under-used kit to other departments before they go to waste.',
      theme: 'sustainability',
      status: 'open',
      createdAt: at(45),
    },
    {
      id: 'idea-shadow-week',
      authorUid: someone(2),
      title: 'Cross-faculty shadowing week',
      body: 'One week a year where anyone can spend a day in another faculty’s technical team.',
      actionId: 'act-cd2',
      theme: 'career',
      status: 'open',
      surveyId,
      createdAt: at(20),
    },
    {
      id: 'idea-name-on-door',
      authorUid: someone(3),
      title: 'Names and photos of technical teams on lab doors',
      body: 'Students and visitors often do not know who runs the labs. A simple "who we are" board per lab would help.',
      theme: 'visibility',
      status: 'adopted',
      response: 'Adopted as part of V2: templates sent to all champions.',
      adoptedActionId: 'act-v2',
      createdAt: at(210),
    },
    {
      id: 'idea-paid-conference',
      authorUid: someone(4),
      title: 'Pay for everyone to attend one external conference a year',
      body: 'Fund at least one external event per technician per year.',
      theme: 'career',
      status: 'declined',
      response:
        'Not possible from the central budget this year; instead we will fund 20 places at national technician events and share the talks internally.',
      createdAt: at(160),
    },
    {
      id: 'idea-out-of-hours',
      authorUid: 'demo-champion',
      title: 'Recognise out-of-hours cover in workload models',
      body: 'Technicians covering evening teaching and equipment call-outs should see that time recognised.',
      theme: 'recognition',
      status: 'open',
      createdAt: at(9),
    },
  ]
  const ideas: Idea[] = ideaSpecs.map((i) => ({ ...meta(i.id, now), ...i }))

  const commentSpecs: [string, 'action' | 'idea', string, string, number][] = [
    [
      'demo-tech',
      'action',
      'act-r2',
      'The fee support made the difference for me — thank you. Could the retreat include a session on the competence report format?',
      70,
    ],
    ['demo-champion', 'action', 'act-r2', 'Engineering has two mentors ready for EngTech applicants.', 65],
    [someone(5), 'action', 'act-v2', 'Happy to write up our teaching-lab refurbishment as a case study.', 120],
    [someone(6), 'action', 'act-r1', 'This matters a lot to research technicians. Is there a date for the policy review?', 30],
    ['demo-lead', 'action', 'act-r1', 'It is on the next ExB agenda; we will post the outcome here.', 28],
    [someone(7), 'action', 'act-s4', 'Our department has one person who can run the electron microscope. Please prioritise us.', 18],
    [someone(8), 'idea', 'idea-kit-swap', 'We throw away unopened pipette tips every year when projects end. Yes please.', 40],
    ['demo-tech', 'idea', 'idea-shadow-week', 'I would love a day in the imaging facility.', 15],
    [someone(9), 'idea', 'idea-shadow-week', 'Workshops could host two people per day.', 12],
    [someone(10), 'idea', 'idea-out-of-hours', 'Agreed, evening cover is invisible at the moment.', 6],
  ]
  const comments: Comment[] = commentSpecs.map(([uid, targetType, targetId, body, d], k) => ({
    ...meta(`comment-${String(k + 1).padStart(2, '0')}`, now),
    authorUid: uid,
    authorName: nameOf(uid),
    targetType,
    targetId,
    body,
    createdAt: at(d, k % 5),
  }))

  const votes: Vote[] = []
  const voterPool = members.map((m) => m.id)
  for (const idea of ideas) {
    const n = Math.min(voterPool.length, idea.status === 'open' ? rng.int(3, 14) : rng.int(6, 20))
    for (const uid of rng.sample(voterPool, n)) {
      const created = Math.min(now - 60_000, idea.createdAt + rng.int(1, 10) * 3_600_000)
      votes.push({ ...meta(`${idea.id}__${uid}`, now), ideaId: idea.id, voterUid: uid, createdAt: created })
    }
  }

  // ---------- skill-share requests ----------
  const teacherOf = (skillId: string, not: string) =>
    members.find((m) => m.id !== not && m.skills.some((s) => s.skillId === skillId && s.canTeach))?.id ?? 'demo-lead'
  const req = (
    id: string,
    learnerUid: string,
    skillId: string,
    format: SkillShareRequest['format'],
    message: string,
    history: [SkillShareRequest['state'], number][],
  ): SkillShareRequest => {
    const state = history[history.length - 1]?.[0] ?? 'pending'
    const teacherUid = teacherOf(skillId, learnerUid)
    return {
      ...meta(id, now),
      learnerUid,
      teacherUid,
      skillId,
      skillName: skillById.get(skillId)?.name ?? skillId,
      message,
      format,
      state,
      history: Object.fromEntries(history.map(([s, d]) => [s, at(d)])),
      // As the server stores it: only these two may read the request.
      parties: [learnerUid, teacherUid],
    }
  }
  const requests: SkillShareRequest[] = [
    req(
      'req-confocal-1',
      'demo-tech',
      'confocal-microscopy',
      'shadowing',
      'Could I shadow a session on the confocal before I book it on my own?',
      [
        ['pending', 50],
        ['accepted', 48],
        ['completed', 40],
      ],
    ),
    req('req-python-1', 'demo-tech', 'python', 'call', 'Half an hour on reading plate-reader files with pandas?', [['pending', 4]]),
    req('req-cnc-1', someone(11), 'cnc-milling', 'demo', 'Would like to learn to set up simple jobs on the CNC mill.', [
      ['pending', 14],
      ['accepted', 12],
    ]),
    req('req-welding-1', someone(12), 'welding', 'shadowing', 'Interested in TIG basics for rig repairs.', [
      ['pending', 30],
      ['declined', 27],
    ]),
    req('req-training-1', 'demo-champion', 'training-design', 'call', 'Tips on designing a short practical induction?', [
      ['pending', 10],
      ['accepted', 8],
    ]),
  ]

  return {
    institution,
    members,
    equality,
    cpdByUid,
    registrationsByUid,
    plans,
    actions,
    ragChanges,
    ideas,
    comments,
    votes,
    surveys,
    surveyResponses,
    surveyThemes,
    requests,
    users,
    joinCode: DEMO_JOIN_CODE,
  }

  function skill(id: string, level: MemberSkill['level'], canTeach: boolean, wantsToLearn: boolean): MemberSkill {
    const s = skillById.get(id)
    if (!s) throw new Error(`unknown demo skill ${id}`)
    return { skillId: s.id, name: s.name, category: s.category, level, canTeach, wantsToLearn }
  }

  function makeSkills(r: Rng, pool: readonly string[], apprentice: boolean, senior: boolean): MemberSkill[] {
    const n = r.int(2, 6)
    const chosen = r.sample(pool, n)
    if (r.chance(0.3)) chosen.push(r.pick(GENERIC_SKILLS.filter((g) => !chosen.includes(g))))
    return chosen.map((id, k) => {
      const level: MemberSkill['level'] = apprentice
        ? r.chance(0.7)
          ? 'learning'
          : 'practitioner'
        : r.pick(
            senior ? (['practitioner', 'expert', 'expert'] as const) : (['learning', 'practitioner', 'practitioner', 'expert'] as const),
          )
      const canTeach = level === 'expert' ? r.chance(0.85) : level === 'practitioner' ? r.chance(0.35) : false
      const wantsToLearn = level === 'learning' || (k === chosen.length - 1 && r.chance(0.3) && level !== 'expert')
      return skill(id, level, canTeach, wantsToLearn)
    })
  }
}

// ------------------------------------------------------------------------------------------------
// Last year's annual survey: closed, answered, with free-text themes

/** One stored answer to a survey, as `responses/{key}` holds it (functions/src/surveys/submit.ts ResponseDoc). */
export interface DemoSurveyResponse {
  answers: StoredAnswer[]
  /** Breakdown attributes, each only when its group has ≥ 5 members (as the callable decides). */
  group: { facultyId?: string; roleFamily?: string }
}

/** A theme a lead tagged free-text answers with; the seed stores each text by its content key. */
export interface DemoSurveyTheme {
  id: string
  name: string
  texts: { questionId: string; text: string }[]
}

export const DEMO_CLOSED_SURVEY_ID = 'survey-annual-technician'

const CHANGE_THEMES: readonly { id: string; name: string; texts: readonly string[] }[] = [
  {
    id: 'theme-protected-time',
    name: 'Protected time for development',
    texts: [
      'Protected time for training that is not cancelled when teaching gets busy.',
      'Time for CPD in my workload model, not only goodwill.',
      'Half a day a month set aside for development.',
    ],
  },
  {
    id: 'theme-career-routes',
    name: 'Clear career routes',
    texts: [
      'A clear route from Grade 5 to Grade 6 without having to leave.',
      'Job titles that match what we actually do in every faculty.',
      'Knowing what the next step is and who to ask about it.',
    ],
  },
  {
    id: 'theme-being-known',
    name: 'Being known and credited',
    texts: [
      'Academics knowing who we are and what we do.',
      'Being named on the papers we contributed to.',
      'Our names on the lab doors, as the academics have.',
    ],
  },
]
const LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree']
const WORKING_WELL = [
  'The technician Teams channel: questions get answered within the hour.',
  'The annual technician conference.',
  'Fee support for professional registration.',
  'Skill-share sessions with other faculties.',
  'Having a technician champion in our faculty.',
] as const
const DEVELOPMENT_TIME = ['None', 'Less than 3 days', '3 to 5 days', '6 to 10 days', 'More than 10 days'] as const
const HELP_NEXT = [
  'Protected training time',
  'Support for professional registration',
  'Mentoring',
  'Clearer career pathways',
  'Meeting technicians in other faculties',
] as const
/** How each faculty's answers lean (a breakdown worth reading). */
const FACULTY_MOOD: Record<string, number> = {
  'fac-science': 0,
  'fac-engineering': 1,
  'fac-medicine': 0,
  'fac-arts': -1,
  'fac-services': 0,
}

/**
 * Breakdown attributes as `submitSurveyResponse` stores them (safeGroup in
 * functions/src/surveys/submit.ts): faculty and role family when that cell has ≥ 5 members, else
 * whichever one alone has, else none.
 */
export function responseGroupOf(members: readonly Member[]): (m: Member) => DemoSurveyResponse['group'] {
  const sizes = new Map<string, number>()
  const bump = (k: string) => sizes.set(k, (sizes.get(k) ?? 0) + 1)
  for (const m of members) {
    if (m.facultyId) bump(`f:${m.facultyId}`)
    if (m.roleFamily) bump(`r:${m.roleFamily}`)
    if (m.facultyId && m.roleFamily) bump(`f:${m.facultyId}|r:${m.roleFamily}`)
  }
  const big = (k: string) => (sizes.get(k) ?? 0) >= 5
  return ({ facultyId, roleFamily }) => {
    if (facultyId && roleFamily && big(`f:${facultyId}|r:${roleFamily}`)) return { facultyId, roleFamily }
    if (facultyId && big(`f:${facultyId}`)) return { facultyId }
    if (roleFamily && big(`r:${roleFamily}`)) return { roleFamily }
    return {}
  }
}

/**
 * The annual technician survey, closed three months ago, and its answers. Who answered is chosen
 * per breakdown group (faculty × role family as stored): from every group of ≥ 5 members, at least
 * five and about 70% of them (fewer in a big institution), so every group shown by faculty or by
 * role family holds ≥ 5 answers and nothing is withheld. Every answer passes the callable's checks.
 */
function annualSurvey(members: readonly Member[], rng: Rng, now: number) {
  const closesAt = isoDate(now - 92 * DAY)
  const survey: Survey = {
    ...meta(DEMO_CLOSED_SURVEY_ID, now),
    title: `Annual technician survey ${closesAt.slice(0, 4)}`,
    description:
      'Once a year: how valued you feel, the time you get for development and what would help most. Anonymous: answers are reported only in aggregate, and groups under 5 are never shown.',
    sections: [],
    questions: [
      { id: 'q-valued', type: 'likert', prompt: 'I feel valued for the work I do.', required: true, options: LIKERT_LABELS },
      {
        id: 'q-development-time',
        type: 'single',
        prompt: 'In the last 12 months, how much protected time did you have for development?',
        required: true,
        options: [...DEVELOPMENT_TIME],
      },
      {
        id: 'q-help-next',
        type: 'multiple',
        prompt: 'What would help you most in the next year?',
        required: false,
        options: [...HELP_NEXT],
      },
      {
        id: 'q-recommend',
        type: 'rating',
        prompt: 'How likely are you to recommend a technical career here to a friend? (0–10)',
        required: true,
      },
      { id: 'q-one-change', type: 'long', prompt: 'What one change would make the biggest difference to you?', required: false },
      { id: 'q-working-well', type: 'long', prompt: 'What is working well?', required: false },
    ],
    audience: { facultyIds: [], roleFamilies: [] },
    anonymous: true,
    allowEdit: false,
    opensAt: isoDate(now - 120 * DAY),
    closesAt,
    status: 'closed',
    createdByUid: 'demo-lead',
  }

  const groupOf = responseGroupOf(members)
  const cells = new Map<string, { group: DemoSurveyResponse['group']; members: Member[] }>()
  for (const m of members) {
    const group = groupOf(m)
    const k = `${group.facultyId ?? ''}|${group.roleFamily ?? ''}`
    const cell = cells.get(k) ?? { group, members: [] }
    cell.members.push(m)
    cells.set(k, cell)
  }
  const rate = Math.min(0.7, 150 / members.length)
  const respondents: { m: Member; group: DemoSurveyResponse['group'] }[] = []
  for (const { group, members: inCell } of cells.values()) {
    if (inCell.length < 5) continue
    const n = Math.min(inCell.length, Math.max(5, Math.round(inCell.length * rate)))
    for (const m of rng.sample(inCell, n)) respondents.push({ m, group })
  }

  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x))
  const changeTexts = CHANGE_THEMES.flatMap((t) => t.texts)
  const responses = rng.sample(respondents, respondents.length).map(({ m, group }, i): DemoSurveyResponse => {
    const mood = FACULTY_MOOD[m.facultyId ?? ''] ?? 0
    const raw: Record<string, unknown> = {
      'q-valued': clamp(3 + mood + rng.pick([-1, 0, 0, 1, 1]), 1, 5),
      'q-development-time': DEVELOPMENT_TIME[clamp(1 + mood + rng.int(0, 2), 0, DEVELOPMENT_TIME.length - 1)],
      'q-recommend': clamp(6 + 2 * mood + rng.int(-3, 3), 0, 10),
    }
    if (rng.chance(0.8)) raw['q-help-next'] = rng.sample(HELP_NEXT, rng.int(1, 3))
    // The first five always write something, so each text question has enough answers to show.
    if (i < 5 || rng.chance(0.7)) raw['q-one-change'] = rng.pick(changeTexts)
    if (i < 5 || rng.chance(0.5)) raw['q-working-well'] = rng.pick(WORKING_WELL)
    const checked = checkAnswers(survey.questions, raw)
    if (!checked.ok) throw new Error(`demo survey answer refused: ${checked.field} ${checked.message}`)
    return { answers: checked.answers, group }
  })

  const given = new Set(responses.flatMap((r) => r.answers.filter((a) => a.questionId === 'q-one-change').map((a) => a.value)))
  const themes: DemoSurveyTheme[] = CHANGE_THEMES.map((t) => ({
    id: t.id,
    name: t.name,
    texts: t.texts.filter((x) => given.has(x)).map((text) => ({ questionId: 'q-one-change', text })),
  })).filter((t) => t.texts.length > 0)
  return { survey, responses, themes }
}

// ------------------------------------------------------------------------------------------------
// Registrations across the institution

/** A registration's steps in order: the first `done` done, the next one under way if `doing`, the rest to do. */
const stepsAt = (done: number, doing: boolean): Registration['steps'] =>
  Object.fromEntries(
    REGISTRATION_STEPS.map((step, i) => [step, i < done ? 'done' : i === done && doing ? 'doing' : 'todo']),
  ) as Registration['steps']
/** Registered: everything up to the outcome done; renewal not yet due. */
const STEPS_DONE = stepsAt(7, false)
/** Eligible, with a mentor, gathering evidence. */
const STEPS_STARTED = stepsAt(2, true)
/** Eligible, finding a mentor. */
const STEPS_MENTORING = stepsAt(1, true)

/**
 * Registrations for generated members, so the leads' registration figures (dashboard and CPD
 * insights) show: every level anyone holds or works towards has at least five people (a smaller
 * group is withheld, and would take others with it), and at least three levels each, since the
 * empty levels' withheld zeros take the smallest shown level with them. With the demo accounts'
 * own: RSciTech and RSci registered, RSciTech in progress, EngTech registered with IEng in
 * progress, FHEA in progress — 5 each at 36 members, 5% of the institution each when it is
 * bigger. Too few members for that: none.
 */
function addRegistrations(into: Record<string, Registration[]>, candidates: readonly Member[], total: number, now: number): void {
  const quota = Math.max(5, Math.round(total * 0.05))
  // The demo accounts already hold one EngTech, IEng, RSciTech and FHEA in progress each.
  if (candidates.length < 2 * quota + 3 * (quota - 1)) return
  const used = new Set<string>()
  const take = (k: number, prefer: (m: Member) => boolean): Member[] => {
    const free = candidates.filter((m) => !used.has(m.id))
    const picked = [...free.filter(prefer), ...free.filter((m) => !prefer(m))].slice(0, k)
    for (const m of picked) used.add(m.id)
    return picked
  }
  const reg = (uid: string, target: Registration['target'], done: boolean, extra: Partial<Registration> = {}): Registration => ({
    ...meta(`reg-${uid}-${target.toLowerCase()}`, now),
    target,
    steps: { ...(done ? STEPS_DONE : STEPS_STARTED) },
    competences: {},
    feeSupportRequested: !done,
    ...extra,
  })
  const science = (m: Member) => m.facultyId === 'fac-science' || m.facultyId === 'fac-medicine'
  for (const m of take(quota, science)) into[m.id] = [reg(m.id, 'RSciTech', true)]
  for (const m of take(quota, science)) {
    const rsciTech = reg(m.id, 'RSciTech', true)
    into[m.id] = [rsciTech, reg(m.id, 'RSci', true, { basedOn: rsciTech.id })]
  }
  for (const m of take(quota - 1, science)) into[m.id] = [reg(m.id, 'RSciTech', false)]
  for (const m of take(quota - 1, (x) => x.facultyId === 'fac-engineering')) {
    const engTech = reg(m.id, 'EngTech', true)
    into[m.id] = [engTech, reg(m.id, 'IEng', false, { basedOn: engTech.id })]
  }
  for (const m of take(quota - 1, (x) => x.roleFamily === 'teaching'))
    into[m.id] = [reg(m.id, 'FHEA', false, { feeSupportRequested: false })]
}

// ------------------------------------------------------------------------------------------------
// Flattened view for seeding and tests

export interface DemoDocument {
  collection: CollectionName
  /** Owner for user-scoped collections (users/{uid}/…); empty otherwise. */
  uid: string
  id: string
  doc: Record<string, unknown> & { id: string }
}

/** Every document of the demo data with its collection (and owner for user-scoped ones). */
export function demoDocuments(data: DemoData): DemoDocument[] {
  const out: DemoDocument[] = []
  const add = (collection: CollectionName, docs: readonly { id: string }[], uid = '') => {
    for (const doc of docs) out.push({ collection, uid, id: doc.id, doc: doc as DemoDocument['doc'] })
  }
  add('institutions', [data.institution])
  for (const m of data.members) add('profiles', [m], m.id)
  for (const m of data.members) {
    const projection = directoryProjection(m)
    if (projection) add('members', [projection])
  }
  for (const e of data.equality) add('equality', [e], e.id)
  for (const [uid, entries] of Object.entries(data.cpdByUid)) add('cpd', entries, uid)
  for (const [uid, regs] of Object.entries(data.registrationsByUid)) add('registrations', regs, uid)
  add('plans', data.plans)
  add('actions', data.actions)
  add('ragChanges', data.ragChanges)
  add('ideas', data.ideas)
  add('comments', data.comments)
  add('votes', data.votes)
  add('surveys', data.surveys)
  add('requests', data.requests)
  return out
}
