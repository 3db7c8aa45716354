/** A self-assessment input built from the fictional demo institution, for the generator's tests. */
import { generateDemoData } from '../../scripts/demo/demo-data'
import type { InstitutionStats } from '@/domain/stats'
import type { AssessmentInput } from '@/features/self-assessment/assessment-model'

export const NOW = Date.UTC(2026, 10, 23, 9)

export function demoInput(extra: Partial<AssessmentInput> = {}): AssessmentInput {
  const demo = generateDemoData({ now: NOW })
  const plan = demo.plans[0]!
  const bundle = { plan, actions: demo.actions, changes: demo.ragChanges }
  return {
    stage: 'two',
    now: NOW,
    institution: demo.institution,
    current: bundle,
    previous: bundle,
    ideas: demo.ideas,
    comments: demo.comments,
    votes: demo.votes,
    stats: null,
    directoryCount: demo.members.length,
    narratives: { structure: 'Technicians work in five faculties.\n\nEach has a champion.', rag: 'Most actions are on track.' },
    feeds: {},
    ...extra,
  }
}

export const STATS: InstitutionStats = {
  generatedAt: NOW,
  minGroup: 5,
  members: {
    total: 36,
    byFaculty: { counts: { 'fac-science': 12, 'fac-engineering': 8, 'fac-arts': null, unspecified: null }, total: 36 },
    byRoleFamily: { counts: { laboratory: 10, workshop: 6, it: null, other: null }, total: 36 },
    byContract: { counts: { permanent: 28, 'fixed-term': 8 }, total: 36 },
    facultyByContract: { columns: [], rows: [], columnTotals: {}, total: 36, withheld: 0 },
    growth: [{ month: '2026-11', total: 36 }],
  },
  registrations: {
    registered: { counts: { RSciTech: 6, EngTech: null }, total: null },
    inProgress: { counts: {}, total: null },
    registeredMembers: 9,
  },
  cpd: { year: '2026/27', participants: 20, notYet: 16, percent: 56 },
  surveys: [
    {
      id: 's1',
      title: 'Technician voice workshop',
      status: 'open',
      opensAt: '2026-11-16',
      closesAt: '2026-12-21',
      responses: 11,
      audience: 36,
      ratePercent: 31,
    },
  ],
  equality: {
    respondents: 25,
    gender: { counts: {}, total: null },
    ethnicity: { counts: {}, total: null },
    ageBand: { counts: {}, total: null },
    disability: { counts: {}, total: null },
  },
}
