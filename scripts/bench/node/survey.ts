/**
 * Survey burst against the emulators through the surveys' own reusable burst
 * (tests/support/survey-burst.ts: N members answer one open survey through the real
 * submitSurveyResponse callable, with racing and repeated retries of the same submission, at most
 * 8 requests in flight because the Functions emulator forks a worker process per concurrent
 * request), then the same callable at rest — 20 members one at a time — as the baseline.
 * Run by scripts/bench/survey.mjs (bundled by node-run.mjs). Prints `bench-json: {…}` last.
 */
import { surveyBurst } from '../../../tests/support/survey-burst'

const N = Number(process.env.BENCH_SURVEY_SUBMISSIONS || 700)
const AT_REST = Number(process.env.BENCH_SURVEY_AT_REST || 20)

async function main(): Promise<void> {
  const log = (line: string) => console.log(line)
  const burst = await surveyBurst({ n: N, log })
  const atRest = await surveyBurst({ n: AT_REST, concurrency: 1, log })
  console.log(`bench-json: ${JSON.stringify({ burst, atRest })}`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exit(1)
  },
)
