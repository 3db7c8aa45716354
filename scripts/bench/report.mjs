/**
 * The bench's output: one Markdown table (every figure beside its same-run baseline, as a ratio,
 * and its goal), the goals missed, and the JSON written to bench-results/.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { goalMet, ROOT } from './lib.mjs'

const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  const n = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000)) : String(v)
  return unit && unit !== 'score' && unit !== 'count' ? `${n} ${unit}` : n
}

/** value / baseline, unrounded (null when either is missing or the baseline is 0). */
export function ratio(r) {
  if (typeof r.value !== 'number' || typeof r.baseline !== 'number' || r.baseline === 0) return null
  return r.value / r.baseline
}

/** 1.23× — or 1/850× for a tiny ratio, which two decimals would show as 0. */
function fmtRatio(q) {
  if (q === null) return '—'
  if (q > 0 && q < 0.1) return `1/${Math.round(1 / q)}×`
  return `${Math.round(q * 100) / 100}×`
}

/** The table as Markdown lines. */
export function table(rows) {
  const lines = [
    '| section | figure | value | baseline (same run) | ratio | goal | met |',
    '| --- | --- | ---: | --- | ---: | --- | :---: |',
  ]
  for (const r of rows) {
    const met = goalMet(r)
    const baseline = r.baseline === null || r.baseline === undefined ? '—' : `${fmt(r.baseline, r.unit)} (${r.baselineLabel})`
    const q = ratio(r)
    lines.push(
      `| ${r.section} | ${r.figure} | ${fmt(r.value, r.unit)} | ${baseline} | ${fmtRatio(q)} | ${r.goal?.text ?? '—'} | ${met === null ? '' : met ? 'yes' : '**MISS**'} |`,
    )
  }
  return lines
}

export function missedGoals(rows) {
  return rows
    .filter((r) => goalMet(r) === false)
    .map((r) => `${r.section}: ${r.figure} = ${fmt(r.value, r.unit)} (goal ${r.goal.text})${r.note ? ` — ${r.note}` : ''}`)
}

/** Prints the table, notes, errors and missed goals. */
export function printReport({ rows, errors, seconds }) {
  console.log('\n━━ bench results ━━\n')
  for (const line of table(rows)) console.log(line)
  const notes = rows.filter((r) => r.note)
  if (notes.length) {
    console.log('\nNotes:')
    for (const r of notes) console.log(`- ${r.section} / ${r.figure}: ${r.note}`)
  }
  if (errors.length) {
    console.log('\nSections that failed to run:')
    for (const e of errors) console.log(`- ${e.section}: ${e.message.split('\n')[0]}`)
  }
  const missed = missedGoals(rows)
  console.log(missed.length ? `\nGoals missed (${missed.length}):\n${missed.map((m) => `- ${m}`).join('\n')}` : '\nEvery goal met.')
  console.log(
    `\nbench: ${rows.length} figures in ${Math.round(seconds)} s; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${cpus().length} cores (timings are inflated when others share the machine)`,
  )
}

/** Writes bench-results/latest.json and a timestamped copy; returns their paths. */
export function writeResults(payload) {
  const dir = join(ROOT, 'bench-results')
  mkdirSync(dir, { recursive: true })
  const stamp = payload.startedAt.replace(/[:.]/g, '-')
  const body = `${JSON.stringify(payload, null, 2)}\n`
  const files = [join(dir, 'latest.json'), join(dir, `bench-${stamp}.json`)]
  for (const f of files) writeFileSync(f, body)
  return files
}

/** Where the figures were measured: machine, versions, commit. */
export function environment(chromium) {
  const git = (args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return null
    }
  }
  let chromiumVersion = null
  try {
    chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    /* not installed */
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    chromium: chromiumVersion,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: (git(['status', '--porcelain']) ?? '').length > 0,
    stackSlot: Number(process.env.STACK_SLOT || 0),
    /** 1, 5 and 15 minute load averages when the run ended: other work on the machine skews timings. */
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  }
}
