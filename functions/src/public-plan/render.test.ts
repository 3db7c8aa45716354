import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ActionPlan, PlanAction, RagChange } from '@/domain/entities'
import { publicPlanModel, redactor, REDACTED, type PublicPlanSource } from '@/domain/public-plan'
import { escapeHtml, markup } from './html'
import { pageUrls, parsePublicPath, publicPlanBase } from './publish'
import { formatDay, PUBLIC_PLAN_CSP, renderPublicPlan } from './render'

const meta = { updatedAt: 0, version: 1, deleted: false, lastMutationId: null }
const plan: Pick<ActionPlan, 'title' | 'stage' | 'startDate' | 'endDate' | 'phases' | 'owners'> = {
  title: 'Technician Commitment plan 2026–2029',
  stage: 'two',
  startDate: '2026-06-01',
  endDate: '2029-05-31',
  phases: { P1: 'Jun 2026 – May 2027' },
  owners: { SG: 'Steering group' },
}
const action = (id: string, code: string, fields: Partial<PlanAction> = {}): PlanAction => ({
  ...meta,
  id,
  planId: 'plan-1',
  code,
  themes: ['visibility'],
  activity: `Activity ${code}`,
  measures: [],
  timeframe: 'P1',
  owner: 'SG',
  ...fields,
})
const rag = (actionId: string, status: RagChange['status'], at: number): RagChange => ({
  ...meta,
  id: `rag-${actionId}-${at}`,
  actionId,
  status,
  rationale: 'Rachel Tester said so',
  at,
  byUid: 'uid-rachel-0001',
})

const source = (fields: Partial<PublicPlanSource> = {}): PublicPlanSource => ({
  institution: { name: 'Example University' },
  plan,
  actions: [
    action('a1', 'V1', {
      activity: 'Grow the <b>technician</b> network & "community"',
      activityCy: 'Tyfu’r rhwydwaith technegwyr',
      owner: 'SG, Rachel Tester (rachel.tester@example.ac.uk)',
      measures: [{ id: 'm1', text: 'Teams membership 148 → 178', textCy: 'Aelodaeth Teams 148 → 178' }],
      outputs: 'Monthly post, ask uid-rachel-0001',
    }),
    action('a2', 'R1', { themes: ['recognition', 'visibility'] }),
    action('a3', 'S1', { themes: ['sustainability'], deleted: true }),
  ],
  changes: [rag('a1', 'red', 1), rag('a1', 'green', 2)],
  people: { names: ['Rachel Tester', 'Al'], emails: ['rachel.tester@example.ac.uk'], uids: ['uid-rachel-0001'] },
  publishedAt: Date.UTC(2026, 11, 2, 10),
  ...fields,
})
const urls = pageUrls('https://example.test/publicPlan', 'inst-1')

describe('redactor', () => {
  it('takes out e-mail addresses, members’ names and uids, whole words in any case, and leaves other words', () => {
    const scrub = redactor({ names: ['Rachel Tester', 'Al'], emails: [], uids: ['uid-9'] })
    expect(scrub('Ask rachel tester or write to a.b@uni.ac.uk')).toBe(`Ask ${REDACTED} or write to ${REDACTED}`)
    // A two-letter name would take out ordinary words; a name inside a word is not that name.
    expect(scrub('All staff; Rachel Testers; uid-9')).toBe(`All staff; Rachel Testers; ${REDACTED}`)
    expect(scrub('Rachel Tester, rt@x.ac.uk')).toBe(REDACTED)
  })
})

describe('publicPlanModel', () => {
  it('groups live actions by theme with their current RAG, owners spelled out and people taken out', () => {
    const model = publicPlanModel(source(), 'en')
    expect(model.actionCount).toBe(2)
    expect(model.themes.map((t) => [t.theme, t.actions.map((a) => a.code)])).toEqual([
      // Codes in the plans' own order (V, R, CD, S, A), as everywhere in the app.
      ['visibility', ['V1', 'R1']],
      ['recognition', ['R1']],
    ])
    const v1 = model.themes[0]!.actions[0]!
    expect(v1).toMatchObject({ rag: 'green', timeframe: 'P1 (Jun 2026 – May 2027)', owner: `SG (Steering group), ${REDACTED}` })
    expect(v1.outputs).toBe(`Monthly post, ask ${REDACTED}`)
    expect(model.themes[0]!.actions[1]!.rag).toBeNull()
  })

  it('uses the Welsh wording where it is written', () => {
    const v1 = publicPlanModel(source(), 'cy').themes[0]!.actions[0]!
    expect(v1.title).toBe('Tyfu’r rhwydwaith technegwyr')
    expect(v1.measures).toEqual(['Aelodaeth Teams 148 → 178'])
  })
})

describe('renderPublicPlan', () => {
  const page = renderPublicPlan(publicPlanModel(source(), 'en'), urls)

  it('is a whole, escaped page: no markup from the data, no script, no personal data', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(page).toContain('Grow the &lt;b&gt;technician&lt;/b&gt; network &amp; &quot;community&quot;')
    expect(page).not.toContain('<b>')
    expect(page).not.toMatch(/<script|<img|<form|<iframe/i)
    expect(page).not.toMatch(/@example\.ac\.uk|Rachel|uid-rachel/)
    expect(page).toContain('<span class="redacted">[personal details removed]</span>')
    expect(page).not.toContain('\u0000')
  })

  it('shows codes, titles, measures, timeframe, owner and RAG in words, and when it was published', () => {
    expect(page).toMatch(/<h3 id="visibility-1"><span class="code">V1<\/span> Grow the/)
    expect(page).toContain('<dt>RAG status</dt><dd>Green · done</dd>')
    expect(page).toContain('<dt>RAG status</dt><dd>Not rated yet</dd>')
    expect(page).toContain('<li>Teams membership 148 → 178</li>')
    expect(page).toContain('<dd>P1 (Jun 2026 – May 2027)</dd>')
    expect(page).toContain('Published <time datetime="2026-12-02">2 December 2026</time>')
    expect(page).toContain('<h1>Technician Commitment plan 2026–2029</h1>')
    expect(page).toContain('Example University')
    // Each action's heading id is unique, though R1 shows under two themes.
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('in Welsh, links back to the English page and words everything in Welsh', () => {
    const cy = renderPublicPlan(publicPlanModel(source(), 'cy'), urls)
    expect(cy).toContain('<html lang="cy">')
    expect(cy).toContain(`<a href="${urls.en}" hreflang="en" lang="en"`)
    expect(cy).toContain('Cyhoeddwyd <time datetime="2026-12-02">2 Rhagfyr 2026</time>')
    expect(cy).toContain('<dt>Statws RAG</dt><dd>Gwyrdd · wedi’i wneud</dd>')
    expect(cy).toContain('<h2 id="theme-visibility">Gwelededd</h2>')
    expect(page).toContain(`<a href="${urls.cy}" hreflang="cy" lang="cy"`)
  })

  it('allows only its own style sheet', () => {
    expect(PUBLIC_PLAN_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'/)
    expect(PUBLIC_PLAN_CSP).not.toContain('unsafe')
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!
    expect(PUBLIC_PLAN_CSP).toContain(`'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`)
  })
})

describe('markup', () => {
  it('escapes every value but fragments', () => {
    expect(markup`<p title="${'"x"'}">${'<i>'}${markup`<b>${'&'}</b>`}${['a', 1]}${null}${false}</p>`.value).toBe(
      '<p title="&quot;x&quot;">&lt;i&gt;<b>&amp;</b>a1</p>',
    )
    expect(escapeHtml(`'`)).toBe('&#39;')
  })
})

describe('addresses', () => {
  it('point at the emulator in the emulator, at the deployed function otherwise, or where configured', () => {
    expect(publicPlanBase({ FUNCTIONS_EMULATOR: 'true', GCLOUD_PROJECT: 'p', FUNCTIONS_EMULATOR_ORIGIN: 'http://127.0.0.1:5601/' })).toBe(
      'http://127.0.0.1:5601/p/europe-west2/publicPlan',
    )
    expect(publicPlanBase({ GCLOUD_PROJECT: 'hub' })).toBe('https://europe-west2-hub.cloudfunctions.net/publicPlan')
    expect(publicPlanBase({ PUBLIC_PLAN_BASE_URL: 'https://plans.example.ac.uk/' })).toBe('https://plans.example.ac.uk')
    expect(urls).toEqual({
      default: 'https://example.test/publicPlan/inst-1',
      en: 'https://example.test/publicPlan/inst-1/en',
      cy: 'https://example.test/publicPlan/inst-1/cy',
    })
  })

  it('are read back from the request path', () => {
    expect(parsePublicPath('/inst-1')).toEqual({ inst: 'inst-1', lang: null })
    expect(parsePublicPath('/inst-1/cy/')).toEqual({ inst: 'inst-1', lang: 'cy' })
    expect(parsePublicPath('/inst-1/fr')).toBeNull()
    expect(parsePublicPath('/a/b/c')).toBeNull()
    expect(parsePublicPath('/%2e%2e%2Fx')).toBeNull()
    expect(formatDay('2027-05-31', 'cy')).toBe('31 Mai 2027')
  })
})
