/**
 * Issue 17: the demo data shows every lead feature — a closed survey whose results, breakdowns,
 * free-text themes and CSV show (nothing withheld), and registration figures that are not all
 * withheld. Figures are computed with the server's own pure code (functions/src/surveys/answers.ts,
 * functions/src/aggregates/model.ts), as the callables would from the seeded documents.
 */
import { describe, expect, it } from 'vitest'
import { REGISTRATION_TARGETS } from '@/domain/entities'
import { checkAnswers, MIN_RESPONSES } from '@/survey-engine/rules'
import { aggregate, suppressCells } from '../../functions/src/surveys/answers'
import { listTexts } from '../../functions/src/surveys/texts'
import { add, contributionOf, cpdStatsFrom, institutionStatsFrom, vectorOf, type Vector } from '../../functions/src/aggregates/model'
import { DEMO_CLOSED_SURVEY_ID, generateDemoData, responseGroupOf, type DemoData } from '../../scripts/demo/demo-data'

const NOW = Date.UTC(2026, 10, 23, 9)
const data = generateDemoData({ now: NOW, members: 36 })

function closedSurvey(d: DemoData) {
  const survey = d.surveys.find((s) => s.id === DEMO_CLOSED_SURVEY_ID)
  if (!survey) throw new Error('no closed demo survey')
  return { survey, responses: d.surveyResponses[survey.id] ?? [] }
}

/** The kept counters a recount would build from the demo documents. */
function countersOf(d: DemoData): Vector {
  const v: Vector = new Map()
  const today = new Date(NOW).toISOString().slice(0, 10)
  for (const m of d.members) {
    const c = contributionOf(
      {
        profile: m,
        equality: d.equality.find((e) => e.id === m.id) ?? null,
        registrations: d.registrationsByUid[m.id] ?? [],
        cpd: d.cpdByUid[m.id] ?? [],
      },
      today,
    )
    add(v, vectorOf(c))
  }
  return v
}

describe('the closed demo survey', () => {
  for (const members of [36, 400]) {
    it(`at ${members} members: closed, every answer passes the callable's checks, and no result or breakdown group is withheld`, () => {
      const d = members === 36 ? data : generateDemoData({ now: NOW, members })
      const { survey, responses } = closedSurvey(d)
      expect(survey.status).toBe('closed')
      expect(survey.closesAt < new Date(NOW).toISOString().slice(0, 10)).toBe(true)
      expect(survey.anonymous).toBe(true)
      expect(responses.length).toBeGreaterThanOrEqual(MIN_RESPONSES)
      expect(responses.length).toBeLessThan(d.members.length)

      const groupOf = responseGroupOf(d.members)
      for (const r of responses) {
        const raw = Object.fromEntries(r.answers.map((a) => [a.questionId, a.value]))
        expect(checkAnswers(survey.questions, raw)).toEqual({ ok: true, answers: r.answers })
        expect(Object.keys(r).sort()).toEqual(['answers', 'group'])
        // A group the callable could have stored: some member has it.
        expect(d.members.some((m) => JSON.stringify(groupOf(m)) === JSON.stringify(r.group))).toBe(true)
      }

      for (const q of aggregate(survey.questions, responses)) expect(q.withheld, q.prompt).toBe(false)
      for (const attr of ['facultyId', 'roleFamily'] as const) {
        const sizes = new Map<string, number>()
        for (const r of responses) sizes.set(r.group[attr] ?? 'unspecified', (sizes.get(r.group[attr] ?? 'unspecified') ?? 0) + 1)
        const cells = suppressCells([...sizes].map(([key, size]) => ({ key, size })))
        for (const c of cells) expect(c.size, `${attr} ${c.key}`).toBeGreaterThanOrEqual(5)
        expect(cells.filter((c) => c.withheld)).toEqual([])
      }
      // The faculty breakdown has something to compare.
      expect(new Set(responses.map((r) => r.group.facultyId).filter(Boolean)).size).toBeGreaterThanOrEqual(2)
    })
  }

  it('has free-text answers that show, and themes tagging only answers given', () => {
    const { survey, responses } = closedSurvey(data)
    const texts = listTexts(survey.questions, responses)
    expect(texts.questions.map((q) => q.withheld)).toEqual([false, false])
    expect(texts.entries.some((e) => e.count > 1)).toBe(true)
    const themes = data.surveyThemes[survey.id] ?? []
    expect(themes.length).toBeGreaterThanOrEqual(2)
    const given = new Set(texts.entries.map((e) => `${e.questionId}\n${e.text}`))
    for (const t of themes) for (const x of t.texts) expect(given.has(`${x.questionId}\n${x.text}`)).toBe(true)
  })

  it('leaves the open demo survey alone: it is the only one open, and has no stored answers', () => {
    const open = data.surveys.filter((s) => s.status === 'open')
    expect(open).toHaveLength(1)
    expect(data.surveyResponses[open[0]!.id]).toBeUndefined()
  })
})

describe('registration figures of the demo institution', () => {
  for (const members of [36, 400]) {
    it(`at ${members} members: the dashboard and CPD insights show registered and in-progress levels`, () => {
      const d = members === 36 ? data : generateDemoData({ now: NOW, members })
      expect(d.members).toHaveLength(members)
      const v = countersOf(d)
      const stats = institutionStatsFrom(v, { now: NOW, cpdYearStartMonth: 8, surveys: [] })
      const shown = (counts: Record<string, number | null>) => Object.entries(counts).filter(([, n]) => n !== null)
      expect(stats.registrations.registeredMembers).toBeGreaterThanOrEqual(5)
      // Empty levels are withheld (a zero is a disclosure) and take the smallest shown level with them: two stay.
      expect(shown(stats.registrations.registered.counts).length).toBeGreaterThanOrEqual(2)
      expect(shown(stats.registrations.registered.counts).map(([k]) => k)).toContain('RSciTech')
      expect(shown(stats.registrations.inProgress.counts).length).toBeGreaterThanOrEqual(2)
      // No level is a small group.
      expect(Object.keys(stats.registrations.registered.counts).sort()).toEqual([...REGISTRATION_TARGETS].sort())
      for (const counts of [stats.registrations.registered.counts, stats.registrations.inProgress.counts])
        for (const [, n] of shown(counts)) expect(n).toBeGreaterThanOrEqual(5)
      const cpd = cpdStatsFrom(v, { now: NOW, faculties: d.institution.faculties })
      expect(shown(cpd.registeredByLevel.counts).length).toBeGreaterThanOrEqual(2)
      expect(shown(cpd.inProgressByPathway.counts).length).toBeGreaterThanOrEqual(2)
      expect(cpd.feeSupportRequests).toBeGreaterThanOrEqual(5)
    })
  }
})
