/**
 * Runs the pending one-off data migrations (functions/src/migrate.ts) now, instead of waiting for
 * the daily `purgeTombstones` job: right after deploying a version that adds one.
 *
 *   GOOGLE_CLOUD_PROJECT=your-project node scripts/run-ts.mjs scripts/migrate.ts [--force]
 *   (or `npm run migrate -- [--force]`; inside `node scripts/with-emulators.mjs -- …` for the emulators)
 *
 * Credentials: Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, or
 * `gcloud auth application-default login`). Prints the report as JSON.
 */
import { initializeApp } from 'firebase-admin/app'
import { getFirestore } from 'firebase-admin/firestore'
import { migrateCore } from '../functions/src/migrate'

const projectId = process.env.GOOGLE_CLOUD_PROJECT || process.env.GCLOUD_PROJECT
if (!projectId) {
  console.error('migrate: set GOOGLE_CLOUD_PROJECT to the Firebase project id')
  process.exit(2)
}
initializeApp({ projectId })
const report = await migrateCore(getFirestore(), { force: process.argv.includes('--force') })
console.log(JSON.stringify(report, null, 2))
process.exit(0)
