/** firestore.rules on the Firestore emulator, through @firebase/rules-unit-testing. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { setLogLevel } from 'firebase/firestore'
import { FIRESTORE_HOST, hostPort, PROJECT_ID } from './env'

/** A rules test environment with the repository's firestore.rules loaded. */
export async function rulesEnv(): Promise<RulesTestEnvironment> {
  setLogLevel('silent') // denied reads and writes are expected; keep the SDK's stream errors out of the report
  const { host, port } = hostPort(FIRESTORE_HOST)
  return initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host, port, rules: readFileSync(fileURLToPath(new URL('../../../firestore.rules', import.meta.url)), 'utf8') },
  })
}

/** Sync metadata of a stored document (a plain number for `updatedAt`: the rules do not look at it). */
export const metaOf = (id: string) => ({ id, updatedAt: 1, version: 1, deleted: false, lastMutationId: null })
