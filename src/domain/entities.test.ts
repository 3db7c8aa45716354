import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  ActionSchema,
  CommentSchema,
  CpdEntrySchema,
  EqualitySchema,
  IdeaSchema,
  InstitutionSchema,
  isPhotoData,
  latestCpdDate,
  MemberSchema,
  PlanSchema,
  RagChangeSchema,
  RegistrationSchema,
  SkillShareSchema,
  SurveySchema,
  VoteSchema,
} from './entities'
import { isXmlSafe } from './common'
import { toFieldIssue } from './validation'
import { wordsIn } from '../../tests/support/errors'
import { COLLECTIONS, type CollectionName } from './collections'
import { request } from '../../tests/support/rule-fixtures'

const meta = { id: 'doc-1', updatedAt: 0, version: 0, deleted: false, lastMutationId: null }

/** A valid example of every entity (fictional people and places). */
const BASE = {
  institutions: {
    ...meta,
    name: 'University of Example',
    emailDomains: ['example.ac.uk'],
    sites: ['Main campus'],
    faculties: [{ id: 'fac-sci', name: 'Faculty of Science', departments: ['Chemistry', 'Physics'] }],
    planUrl: 'https://www.example.ac.uk/technicians',
    developmentDaysPerYear: 10,
    cpdYearStartMonth: 9,
  },
  members: {
    ...meta,
    institutionId: 'inst-1',
    displayName: 'Alex Example',
    email: 'alex@example.ac.uk',
    role: 'technician',
    jobTitle: 'Senior technician',
    roleFamily: 'laboratory',
    facultyId: 'fac-sci',
    department: 'Chemistry',
    bio: 'I run the NMR suite & train new users (2 < 3 is fine).',
    contactUrl: 'https://teams.example.ac.uk/l/chat/alex',
    visibility: 'institution',
    joinedAt: 1_700_000_000_000,
    skills: [{ skillId: 'nmr', name: 'NMR spectrometer', category: 'equipment', level: 'expert', canTeach: true, wantsToLearn: false }],
  },
  equality: { ...meta, ageBand: '25-34', disability: 'prefer-not' },
  cpd: {
    ...meta,
    title: 'Radiation protection refresher',
    startDate: '2024-03-01',
    endDate: '2024-03-02',
    hours: 7.5,
    type: 'formal',
    skillIds: ['radiation-protection'],
    learned: 'Updated dose limits',
    evidenceIds: ['ev-1'],
  },
  registrations: {
    ...meta,
    target: 'RSciTech',
    steps: { eligibility: 'done', mentor: 'doing' },
    competences: { A: { statement: 'I validated a method.', cpdIds: ['cpd-1'] } },
    feeSupportRequested: true,
  },
  plans: {
    ...meta,
    title: '36-month action plan 2021–2024',
    stage: 'two',
    startDate: '2021-06-01',
    endDate: '2024-05-31',
    phases: { P1: 'Jun 2021 – May 2022' },
    owners: { SG: 'Steering group' },
    status: 'published',
  },
  actions: {
    ...meta,
    planId: 'plan-1',
    code: 'V1 ii',
    themes: ['visibility', 'sustainability'],
    activity: 'Self-registration of all technicians',
    measures: [
      {
        id: 'm1',
        text: 'Membership from 148 +20% by 2024',
        baseline: 148,
        target: 178,
        unit: 'members',
        deadline: '2024-12-31',
        source: 'members',
      },
    ],
    timeframe: 'Start January 2022 for inclusion in 2022 SRDS in FBS as pilot. Roll out across University 2023',
    owner: 'SG',
  },
  ragChanges: { ...meta, actionId: 'a1', status: 'red', rationale: 'Post frozen until August', at: 1, byUid: 'lead-1' },
  ideas: { ...meta, authorUid: 'u1', title: 'Skills fair', body: 'Each spring', status: 'open', theme: 'sustainability', createdAt: 1 },
  comments: {
    ...meta,
    authorUid: 'u1',
    authorName: 'Alex Example',
    targetType: 'action',
    targetId: 'a1',
    body: 'Yes please',
    createdAt: 1,
  },
  votes: { ...meta, id: 'idea-1__u1', ideaId: 'idea-1', voterUid: 'u1', createdAt: 1 },
  surveys: {
    ...meta,
    title: 'Technician voice: Visibility',
    description: '',
    sections: [{ id: 's1', title: 'Visibility' }],
    questions: [{ id: 'q1', type: 'long', prompt: 'What would good look like?', required: true, sectionId: 's1' }],
    audience: { facultyIds: [], roleFamilies: [] },
    anonymous: true,
    allowEdit: false,
    opensAt: '2024-01-01',
    closesAt: '2024-02-01',
    status: 'draft',
    createdByUid: 'lead-1',
  },
  requests: request(meta.id, { ...meta, learnerUid: 'u1', teacherUid: 'u2', message: '', format: 'demo', history: { pending: 1 } }),
} as const
/** `profiles` is the owner's full copy of the member profile, validated by the same schema. */
const VALID = { ...BASE, profiles: BASE.members } satisfies Partial<Record<CollectionName, object>>
const EXAMPLES = Object.keys(VALID) as (keyof typeof VALID)[]

// The schemas give problems (codes); these tests read them in the English a person sees.
const en = await wordsIn('en')

/** The first issue's message (in English words) and field, or null when the value is valid. */
function firstIssue(schema: v.GenericSchema, value: unknown): { message: string; field: string | undefined } | null {
  const r = v.safeParse(schema, value)
  if (r.success) return null
  const issue = toFieldIssue(r.issues[0])
  return { message: en(issue), field: r.issues[0].path?.map((p) => String(p.key)).join('.') }
}

describe('entity schemas: valid examples', () => {
  it.each(EXAMPLES)('%s accepts its example', (name) => {
    expect(firstIssue(COLLECTIONS[name].schema, VALID[name])).toBeNull()
  })

  it('registry fields match the schemas', () => {
    for (const name of EXAMPLES) {
      for (const field of COLLECTIONS[name].fields) expect(Object.keys(VALID[name]).concat(optionalFields[name] ?? [])).toContain(field)
    }
  })
})

/** Optional fields the examples leave out, so the registry check above knows they exist. */
const optionalFields: Partial<Record<CollectionName, string[]>> = {
  institutions: [
    'contactName',
    'signatoryDate',
    'defaultLocale',
    'skillMerges',
    'contactEmail',
    'contactPhone',
    'headName',
    'headTitle',
    'surveyDigest',
  ],
  members: ['pronouns', 'site', 'gradeBand', 'contract', 'photo', 'locale'],
  profiles: ['pronouns', 'site', 'gradeBand', 'contract', 'photo', 'locale'],
  equality: ['gender', 'ethnicity'],
  cpd: ['benefitPractice', 'benefitUsers', 'requestId'],
  registrations: ['basedOn'],
  actions: ['parentId', 'outputs', 'activityCy', 'outputsCy', 'ownerUid'],
  ideas: ['actionId', 'response', 'responseCy', 'adoptedActionId', 'surveyId'],
  surveys: ['titleCy', 'descriptionCy', 'welshRequired'],
  requests: ['learnerConfirmedAt', 'teacherConfirmedAt'],
}

describe('entity schemas: rejections', () => {
  const member = VALID.members

  it('rejects over-long fields with the limit in the message', () => {
    expect(firstIssue(MemberSchema, { ...member, displayName: 'x'.repeat(101) })).toEqual({
      message: 'Name must be at most 100 characters',
      field: 'displayName',
    })
    expect(firstIssue(MemberSchema, { ...member, bio: 'x'.repeat(601) })).toEqual({
      message: 'Bio must be at most 600 characters',
      field: 'bio',
    })
    expect(firstIssue(CommentSchema, { ...VALID.comments, body: 'x'.repeat(2001) })?.message).toBe(
      'Comment must be at most 2000 characters',
    )
  })

  it('rejects required text left blank (after trimming)', () => {
    expect(firstIssue(MemberSchema, { ...member, displayName: '   ' })).toEqual({ message: 'Name is required', field: 'displayName' })
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, title: '' })?.message).toBe('Title is required')
  })

  it('rejects script and HTML tags in the bio and job title', () => {
    expect(firstIssue(MemberSchema, { ...member, bio: 'Hi <script>alert(1)</script>' })).toEqual({
      message: 'Bio cannot contain HTML or script tags',
      field: 'bio',
    })
    expect(firstIssue(MemberSchema, { ...member, bio: '<img src=x onerror=alert(1)>' })?.message).toBe(
      'Bio cannot contain HTML or script tags',
    )
    expect(firstIssue(MemberSchema, { ...member, jobTitle: '<b>Boss</b>' })?.message).toBe('Job title cannot contain HTML or script tags')
    expect(firstIssue(MemberSchema, { ...member, bio: 'Safe <!-- hidden -->' })?.message).toBe('Bio cannot contain HTML or script tags')
    expect(firstIssue(MemberSchema, { ...member, bio: 'x < / SCRIPT >' })?.message).toBe('Bio cannot contain HTML or script tags')
    expect(firstIssue(MemberSchema, { ...member, bio: '<svg/onload=alert(1)>' })?.message).toBe('Bio cannot contain HTML or script tags')
  })

  it('keeps angle brackets that are not markup', () => {
    for (const bio of ['x <y z> w', 'Buffers at pH <7 and >5', 'Use <Ctrl> + C', 'a<3 b', 'Sizes <5 µm> measured']) {
      expect(firstIssue(MemberSchema, { ...member, bio }), bio).toBeNull()
    }
  })

  it('rejects links that could run script', () => {
    expect(firstIssue(MemberSchema, { ...member, contactUrl: 'javascript:alert(1)' })).toEqual({
      message: 'Use a link starting with https://, mailto: or msteams:',
      field: 'contactUrl',
    })
    expect(firstIssue(MemberSchema, { ...member, contactUrl: 'mailto:alex@example.ac.uk' })).toBeNull()
    expect(firstIssue(MemberSchema, { ...member, contactUrl: '' })).toBeNull()
    expect(firstIssue(InstitutionSchema, { ...VALID.institutions, planUrl: 'data:text/html,<script>x</script>' })?.field).toBe('planUrl')
  })

  it('rejects a bad email, an unknown role family and too many skills', () => {
    expect(firstIssue(MemberSchema, { ...member, email: 'not-an-email' })?.message).toBe('Enter a valid email address')
    expect(firstIssue(MemberSchema, { ...member, roleFamily: 'wizard' })?.field).toBe('roleFamily')
    expect(firstIssue(MemberSchema, { ...member, skills: Array.from({ length: 101 }, () => member.skills[0]) })?.message).toBe(
      'At most 100 skills',
    )
  })

  it('rejects negative, non-numeric and absurd CPD hours', () => {
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, hours: -1 })).toEqual({ message: 'Hours cannot be negative', field: 'hours' })
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, hours: '3' })?.message).toBe('Hours must be a number')
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, hours: 1001 })?.message).toBe('Hours look too high')
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, type: 'fun' })?.message).toBe('Choose an activity type')
  })

  it('rejects a CPD end date before its start, and malformed dates', () => {
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, startDate: '2024-03-05', endDate: '2024-03-04' })).toEqual({
      message: 'End date cannot be before the start date',
      field: 'endDate',
    })
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, startDate: '05/03/2024' })?.message).toBe('Use a date like 2026-11-23')
  })

  it('keeps CPD dates between 1950 and a year from today', () => {
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, startDate: '1949-12-31', endDate: undefined })).toEqual({
      message: 'Use a date from 1950 onwards',
      field: 'startDate',
    })
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, startDate: '1950-01-01', endDate: undefined })).toBeNull()
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, endDate: latestCpdDate() })).toBeNull()
    const beyond = new Date(Date.now() + 367 * 86_400_000).toISOString().slice(0, 10)
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, endDate: beyond })).toEqual({
      message: 'Use a date no more than a year from today',
      field: 'endDate',
    })
    expect(latestCpdDate(Date.UTC(2026, 10, 23))).toBe('2027-11-23')
  })

  it('refuses characters XML 1.0 cannot hold in every text field, keeping tab, newline, CR and emoji', () => {
    for (const bad of ['\u0000', '\u0001', '\u001f', '\u000b', '\ufffe', '\uffff', '\ud800', 'a\udc00b']) {
      expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, learned: `x${bad}y` })?.field, JSON.stringify(bad)).toBe('learned')
      expect(firstIssue(MemberSchema, { ...member, displayName: `A${bad}` })?.message).toMatch(/character that cannot be stored/)
      expect(firstIssue(CommentSchema, { ...VALID.comments, body: bad })?.field).toBe('body')
    }
    expect(firstIssue(CpdEntrySchema, { ...VALID.cpd, learned: 'tab\tnew\nline\r\n café 🔬 \ud83d\ude00' })).toBeNull()
    expect(isXmlSafe('\u{10FFFF}')).toBe(true)
    expect(isXmlSafe('\u0085\u00a0')).toBe(true)
  })

  it('takes a profile photo only as an inline JPEG, PNG or WebP image, never a link', () => {
    expect(firstIssue(MemberSchema, { ...member, photo: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' })).toBeNull()
    expect(firstIssue(MemberSchema, { ...member, photo: '' })).toBeNull()
    for (const photo of [
      'https://t.example/p.gif',
      'http://x.example/a.jpg',
      '//t.example/p',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:image/jpeg,raw',
      'data:image/jpeg;base64,@@',
    ]) {
      expect(firstIssue(MemberSchema, { ...member, photo })?.field, photo).toBe('photo')
      expect(isPhotoData(photo)).toBe(false)
    }
    expect(isPhotoData('data:image/png;base64,iVBORw0KGgo=')).toBe(true)
  })

  it('rejects Red without a rationale', () => {
    expect(firstIssue(RagChangeSchema, { ...VALID.ragChanges, rationale: '  ' })).toEqual({
      message: 'A Red status needs an explanation',
      field: 'rationale',
    })
    expect(firstIssue(RagChangeSchema, { ...VALID.ragChanges, status: 'amber', rationale: '' })).toBeNull()
  })

  it('rejects bad action codes and theme counts', () => {
    for (const code of ['X1', 'V', 'v1', 'V1ii', 'V1 II', 'CD-3', 'V1 ii iii']) {
      expect(firstIssue(ActionSchema, { ...VALID.actions, code })).toEqual({
        message: 'Code must look like V1, R2, CD3, S4 or V1 ii',
        field: 'code',
      })
    }
    for (const code of ['V1', 'R12', 'CD3', 'S4', 'A1', 'V1 iv']) expect(firstIssue(ActionSchema, { ...VALID.actions, code })).toBeNull()
    expect(firstIssue(ActionSchema, { ...VALID.actions, themes: [] })?.message).toBe('Choose at least one theme')
    expect(firstIssue(ActionSchema, { ...VALID.actions, themes: ['visibility', 'recognition', 'all'] })?.message).toBe(
      'An action links to at most two themes',
    )
    expect(firstIssue(ActionSchema, { ...VALID.actions, themes: ['wellbeing'] })?.field).toBe('themes.0')
  })

  it('rejects unknown values in picklists and extra keys in strict objects', () => {
    expect(firstIssue(RegistrationSchema, { ...VALID.registrations, target: 'MBE' })?.field).toBe('target')
    expect(firstIssue(RegistrationSchema, { ...VALID.registrations, steps: { lunch: 'done' } })?.field).toBe('steps.lunch')
    expect(firstIssue(SkillShareSchema, { ...VALID.requests, state: 'maybe' })?.field).toBe('state')
    expect(firstIssue(IdeaSchema, { ...VALID.ideas, status: 'loved' })?.field).toBe('status')
    expect(firstIssue(SurveySchema, { ...VALID.surveys, questions: [] })?.message).toBe('Add at least one question')
    expect(firstIssue(SurveySchema, { ...VALID.surveys, questions: [{ ...VALID.surveys.questions[0], secret: 1 }] })?.field).toBe(
      'questions.0.secret',
    )
    expect(firstIssue(EqualitySchema, { ...VALID.equality, ageBand: '30' })?.field).toBe('ageBand')
    expect(firstIssue(VoteSchema, { ...VALID.votes, voterUid: 'has spaces' })?.message).toBe('Invalid id')
    expect(firstIssue(PlanSchema, { ...VALID.plans, stage: 'three' })?.field).toBe('stage')
  })
})
