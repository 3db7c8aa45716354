/**
 * Recounts the kept aggregates behind the leads' dashboards (functions/src/aggregates) from the
 * source documents and reports any drift: the counters whose kept value differs from the recount,
 * as far as today's figures go. The daily `recountAggregates` job does the same with --repair.
 *
 *   GOOGLE_CLOUD_PROJECT=your-project node scripts/run-ts.mjs scripts/recount-aggregates.ts [--repair] [--institution ID]
 *   (inside `node scripts/with-emulators.mjs -- …` for the emulators)
 *
 * Credentials: Application Default Credentials. Prints one JSON report per institution (counter
 * names and numbers only) and exits 1 when any drift was found (after repairing it with --repair).
 */
import { initializeApp } from 'firebase-admin/app'
import { getFirestore } from 'firebase-admin/firestore'
import { checkAll, checkInstitution } from '../functions/src/aggregates/store'

const projectId =
  process.env.GOOGLE_CLOUD_PROJECT || process.env.GCLOUD_PROJECT || (process.env.FIRESTORE_EMULATOR_HOST ? 'demo-technician-hub' : '')
if (!projectId) {
  console.error('recount-aggregates: set GOOGLE_CLOUD_PROJECT to the Firebase project id')
  process.exit(2)
}
initializeApp({ projectId })
const db = getFirestore()
db.settings({ ignoreUndefinedProperties: true })
const repair = process.argv.includes('--repair')
const at = process.argv.indexOf('--institution')
const only = at > 0 ? process.argv[at + 1] : undefined
const reports = only ? [await checkInstitution(db, only, { repair })] : await checkAll(db, { repair })
console.log(JSON.stringify(reports, null, 2))
const drifted = reports.filter((r) => r.drift.length > 0)
console.error(`recount-aggregates: ${reports.length} institutions, ${drifted.length} with drift${repair ? ' (repaired)' : ''}`)
process.exit(drifted.length > 0 ? 1 : 0)
