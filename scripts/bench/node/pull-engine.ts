/**
 * The sync engine's own share of a first full pull, with no network: 5,000 directory documents
 * served from memory by a transport that pages like the real one, pulled by the real engine into
 * an empty Dexie database (fake-indexeddb), beside the same pages validated alone.
 * Where the time goes, not a figure for the table: `node scripts/bench/node-run.mjs` bundles it.
 */
import 'fake-indexeddb/auto'
import { COLLECTIONS, directoryProjection, type CollectionName } from '@/domain/collections'
import type { Checkpoint, SyncMeta } from '@/domain/sync'
import { validate } from '@/domain/validation'
import { createDb } from '@/db/database'
import { SyncEngine } from '@/sync/engine'
import type { SyncTransport } from '@/sync/ports'
import { generateDemoData } from '../../demo/demo-data'

const SIZE = Number(process.env.BENCH_DIRECTORY_SIZE || 5000)

async function main(): Promise<void> {
  const data = generateDemoData({ members: SIZE })
  const docs: SyncMeta[] = data.members.map((m, i) => ({
    ...directoryProjection({ ...m, visibility: 'institution' as const })!,
    updatedAt: 1_700_000_000_000 + i,
    version: 1,
    deleted: false,
    lastMutationId: null,
  }))
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('no push here')),
    pull: (col: CollectionName, after: Checkpoint | null, limit: number) => {
      if (col !== 'members') return Promise.resolve([])
      const start = after ? docs.findIndex((d) => d.updatedAt > after.updatedAt || (d.updatedAt === after.updatedAt && d.id > after.id)) : 0
      return Promise.resolve(start < 0 ? [] : structuredClone(docs.slice(start, start + limit)))
    },
  }
  const t0 = performance.now()
  let invalid = 0
  for (const d of docs) if (!validate(COLLECTIONS.members.schema, d).ok) invalid++
  const validateMs = performance.now() - t0
  const runs: number[] = []
  for (let r = 0; r < 3; r++) {
    const db = createDb(`pull-engine-${r}`)
    const t = performance.now()
    const summary = await new SyncEngine({ db, transport, collections: () => ['members'] }).pull()
    runs.push(performance.now() - t)
    console.log(
      `run ${r}: ${Math.round(runs.at(-1)!)} ms, ${summary.received} received, ${summary.invalid} invalid, ${await db.members.count()} stored`,
    )
    db.close()
  }
  console.log(`validation alone: ${Math.round(validateMs)} ms (${invalid} invalid)`)
  console.log(`bench-json: ${JSON.stringify({ size: SIZE, validateMs, runs })}`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exit(1)
  },
)
