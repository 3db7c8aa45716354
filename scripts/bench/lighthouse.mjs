/**
 * Lighthouse (mobile, simulated throttling: 4× CPU slowdown, slow 4G) on Home, Directory, CPD,
 * Plan and Surveys (the CI budget: the first three) with the demo data loaded,
 * median of N runs, beside the same on a static minimal page in the same run.
 *
 * "Demo data loaded": the demo technician signs in through the app in a Chromium profile and
 * syncs; Lighthouse then drives that same profile (its own Chromium on a DevTools port). Before
 * each run Lighthouse clears the origin's service worker and caches (a first visit) but keeps
 * IndexedDB and localStorage, so the app opens signed in, with the member's synced data on the
 * device; each page was opened once after sign-in, so its last-seen picture is there too (a
 * returning member).
 */
import lighthouse from 'lighthouse'
import { launchForLighthouse, launchPersistent, profileDir, signIn, visitPages } from './browser.mjs'
import { freePort, log, median, row } from './lib.mjs'

export const PAGES = [
  { name: 'Home', path: '/', route: 'home' },
  { name: 'Directory', path: '/directory', route: 'directory' },
  { name: 'CPD', path: '/cpd', route: 'cpd' },
  { name: 'Plan', path: '/plan', route: 'plan' },
  { name: 'Surveys', path: '/surveys', route: 'surveys' },
]
/** The CI budget's pages (the bench measures all of PAGES). */
export const BUDGET_PAGES = PAGES.slice(0, 3)
export const ALL_CATEGORIES = ['performance', 'accessibility', 'best-practices']
export const BUDGET_CATEGORIES = ['accessibility', 'best-practices']
/** CI budget: accessibility exactly 100, best practices at least 95 (median of the runs). */
export const BUDGET = { accessibility: 100, 'best-practices': 95 }

/**
 * Runs Lighthouse `runs` times on every page (and on `baselineUrl` when given), interleaved so a
 * noisy moment hits every page alike. Resolves with per-target medians and the runs.
 * @param {{ appUrl: string, baselineUrl?: string, runs: number, categories: string[], account: { email: string, password: string }, section?: string, pages?: { name: string, path: string }[] }} o
 */
export async function runLighthouseSet(o) {
  const section = o.section ?? 'lighthouse'
  const dir = profileDir(`${section}-profile`)
  const context = await launchPersistent(dir)
  try {
    const page = await context.newPage()
    await signIn(page, o.appUrl, o.account.email, o.account.password)
    // A returning member: each page seen once, so its last-seen picture is on the device.
    const missing = await visitPages(page, o.appUrl, o.pages ?? PAGES)
    if (missing.length) log(section, `no last-seen picture kept for ${missing.join(', ')}`)
  } finally {
    await context.close()
  }
  const chrome = await launchForLighthouse(dir, await freePort())
  const targets = [
    ...(o.pages ?? PAGES).map((p) => ({ name: p.name, url: `${o.appUrl}${p.path}` })),
    ...(o.baselineUrl ? [{ name: 'static page', url: o.baselineUrl, baseline: true }] : []),
  ]
  const runs = new Map(targets.map((t) => [t.name, []]))
  try {
    for (let i = 0; i < o.runs; i++) {
      for (const t of targets) {
        const t0 = Date.now()
        const result = await lighthouse(t.url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: o.categories,
          maxWaitForLoad: 60_000,
        })
        const figures = extract(result?.lhr, o.categories)
        runs.get(t.name).push(figures)
        log(section, `run ${i + 1} ${t.name}: ${describe(figures)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
      }
    }
  } finally {
    await chrome.close()
  }
  return targets.map((t) => ({ ...t, median: medianOf(runs.get(t.name)), runs: runs.get(t.name) }))
}

/** The figures of one report; failing audits (score < 1) of the budget categories by title. */
function extract(lhr, categories) {
  if (!lhr) return { error: 'no report' }
  const score = (id) =>
    lhr.categories[id]?.score === null || lhr.categories[id]?.score === undefined ? null : Math.round(lhr.categories[id].score * 100)
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null
  const failing = []
  for (const id of categories.filter((c) => c !== 'performance')) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id]
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${id}: ${audit.id} (${audit.title})`)
    }
  }
  return {
    diagnostics: categories.includes('performance') ? diagnostics(lhr) : null,
    performance: categories.includes('performance') ? score('performance') : null,
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: categories.includes('performance') ? numeric('largest-contentful-paint') : null,
    tbtMs: categories.includes('performance') ? numeric('total-blocking-time') : null,
    cls: categories.includes('performance') ? numeric('cumulative-layout-shift') : null,
    failing,
    runtimeError: lhr.runtimeError?.code ?? null,
    warnings: lhr.runWarnings ?? [],
  }
}

/** Why a page is slow: the LCP element, what shifted, the longest tasks, the heaviest scripts. */
function diagnostics(lhr) {
  const items = (id) => lhr.audits[id]?.details?.items ?? []
  const node = (n) => (n ? `${n.selector ?? ''} ${String(n.snippet ?? '').slice(0, 80)}`.trim() : null)
  const lcpTable = items('largest-contentful-paint-element')
  const lcpNode = lcpTable[0]?.items?.[0]?.node ?? lcpTable[0]?.node
  const lcpPhases = (lcpTable[1]?.items ?? []).map((p) => `${p.phase ?? p.label}: ${Math.round(p.timing ?? 0)} ms`)
  return {
    lcpElement: node(lcpNode),
    lcpPhases,
    layoutShifts: items('layout-shifts')
      .slice(0, 3)
      .map((i) => ({ node: node(i.node), score: Math.round((i.score ?? 0) * 1000) / 1000 })),
    longTasks: items('long-tasks')
      .slice(0, 5)
      .map((t) => ({
        url: String(t.url ?? '').replace(/^https?:\/\/[^/]+/, ''),
        ms: Math.round(t.duration ?? 0),
        at: Math.round(t.startTime ?? 0),
      })),
    bootup: items('bootup-time')
      .slice(0, 4)
      .map((b) => ({
        url: String(b.url ?? '').replace(/^https?:\/\/[^/]+/, ''),
        scriptingMs: Math.round(b.scripting ?? 0),
        totalMs: Math.round(b.total ?? 0),
      })),
    transferKB: Math.round((lhr.audits['total-byte-weight']?.numericValue ?? 0) / 1024),
    /** Lighthouse's own measure of this machine's speed during the run (lower = slower or busier). */
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? null,
  }
}

function medianOf(list) {
  const pick = (k) => {
    const values = list.map((r) => r[k]).filter((v) => typeof v === 'number')
    return values.length ? median(values) : null
  }
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
    failing: [...new Set(list.flatMap((r) => r.failing ?? []))],
    errors: list.map((r) => r.runtimeError ?? r.error).filter(Boolean),
  }
}

function describe(f) {
  if (f.error || f.runtimeError) return `error ${f.error ?? f.runtimeError}`
  const parts = []
  if (f.performance !== null) parts.push(`perf ${f.performance}`)
  parts.push(`a11y ${f.accessibility}`, `bp ${f.bestPractices}`)
  if (f.lcpMs !== null) parts.push(`LCP ${Math.round(f.lcpMs)} ms`, `TBT ${Math.round(f.tbtMs)} ms`, `CLS ${f.cls.toFixed(3)}`)
  return parts.join(', ')
}

/** Which pages break the CI budget (medians); an empty list means it holds. */
export function budgetFailures(results) {
  const out = []
  for (const r of results.filter((x) => !x.baseline)) {
    if (r.median.errors.length) out.push(`${r.name}: Lighthouse failed (${r.median.errors.join(', ')})`)
    if (r.median.accessibility === null || r.median.accessibility < BUDGET.accessibility)
      out.push(`${r.name}: accessibility ${r.median.accessibility} < ${BUDGET.accessibility}`)
    if (r.median.bestPractices === null || r.median.bestPractices < BUDGET['best-practices'])
      out.push(`${r.name}: best practices ${r.median.bestPractices} < ${BUDGET['best-practices']}`)
  }
  return out
}

/**
 * The bench section: every figure of every page beside the static page's.
 * @param {{ appUrl: string, staticUrl: string, runs: number, account: { email: string, password: string } }} ctx
 */
export async function runLighthouse(ctx) {
  const t0 = Date.now()
  const results = await runLighthouseSet({
    appUrl: ctx.appUrl,
    baselineUrl: `${ctx.staticUrl}/static/`,
    runs: ctx.runs,
    categories: ALL_CATEGORIES,
    account: ctx.account,
  })
  const base = results.find((r) => r.baseline).median
  const label = 'static minimal page'
  const rows = []
  for (const r of results.filter((x) => !x.baseline)) {
    const m = r.median
    const d =
      r.runs
        .map((x) => x.diagnostics)
        .filter(Boolean)
        .at(-1) ?? {}
    const shifts = (d.layoutShifts ?? [])
      .filter((x) => x.score > 0)
      .map((x) => `${x.node} (${x.score})`)
      .join('; ')
    const tasks = (d.longTasks ?? []).map((t) => `${t.ms} ms ${t.url.split('/').pop() || t.url}`).join(', ')
    const failing = m.failing.length ? `failing: ${m.failing.map((f) => f.split(' (')[0]).join(', ')}` : ''
    rows.push(
      row(
        'lighthouse',
        `${r.name}: performance`,
        m.performance,
        'score',
        base.performance,
        label,
        { op: '>=', target: 97, text: '≥ 97' },
        `median of ${ctx.runs}; Lighthouse benchmarkIndex ${d.benchmarkIndex ?? '?'} (machine speed in that run)`,
      ),
      row(
        'lighthouse',
        `${r.name}: accessibility`,
        m.accessibility,
        'score',
        base.accessibility,
        label,
        { op: '>=', target: BUDGET.accessibility, text: '= 100 (CI budget)' },
        failing.includes('accessibility') ? failing : '',
      ),
      row(
        'lighthouse',
        `${r.name}: best practices`,
        m.bestPractices,
        'score',
        base.bestPractices,
        label,
        { op: '>=', target: BUDGET['best-practices'], text: '≥ 95 (CI budget)' },
        failing.includes('best-practices') ? failing : '',
      ),
      row(
        'lighthouse',
        `${r.name}: LCP`,
        round(m.lcpMs / 1000, 2),
        's',
        round(base.lcpMs / 1000, 2),
        label,
        { op: '<=', target: 1.8, text: '≤ 1.8 s' },
        d.lcpElement ? `LCP element ${d.lcpElement}; ${d.transferKB} KB transferred` : '',
      ),
      row(
        'lighthouse',
        `${r.name}: TBT`,
        round(m.tbtMs, 0),
        'ms',
        round(base.tbtMs, 0),
        label,
        { op: '<=', target: 150, text: '≤ 150 ms' },
        tasks ? `long tasks: ${tasks}` : '',
      ),
      row(
        'lighthouse',
        `${r.name}: CLS`,
        round(m.cls, 3),
        '',
        round(base.cls, 3),
        label,
        { op: '<=', target: 0.02, text: '≤ 0.02' },
        shifts ? `shifted: ${shifts}` : '',
      ),
    )
  }
  const failures = budgetFailures(results)
  return { rows, data: { seconds: (Date.now() - t0) / 1000, results, budget: { ok: failures.length === 0, failures } } }
}

const round = (v, digits) => (v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits)
