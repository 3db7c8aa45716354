/**
 * Bench page: one local write as the app makes it — `repos.cpd.create` (validate with the shared
 * schema, write the document and its outbox row in one Dexie transaction) — against a bare Dexie
 * `put` of the same document alone, interleaved, driven by scripts/bench/write.mjs at 4× CPU.
 */
import { createDb } from '@/db/database'
import { createRepos } from '@/db/repos'
import { generateDemoData } from '../../demo/demo-data'
import type { CpdEntry } from '@/domain/entities'

type CpdFields = Omit<CpdEntry, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

/** Writes `samples` entries each way after `warmup` unmeasured ones; ms per write. */
async function run(samples: number, warmup: number): Promise<{ repo: number[]; bare: number[]; outbox: number }> {
  for (const name of ['bench-write-repo', 'bench-write-bare']) await createDb(name).delete()
  const repoDb = createDb('bench-write-repo')
  const bareDb = createDb('bench-write-bare')
  await Promise.all([repoDb.open(), bareDb.open()])
  const repos = createRepos({ db: repoDb })
  const template = firstCpdEntry()
  const repo: number[] = []
  const bare: number[] = []
  for (let i = 0; i < warmup + samples; i++) {
    const fields: CpdFields = { ...template, title: `${template.title} (${i + 1})` }
    let t0 = performance.now()
    const doc = await repos.cpd.create(fields)
    const repoMs = performance.now() - t0
    t0 = performance.now()
    await bareDb.cpd.put({ ...doc, id: `bare-${i}` })
    const bareMs = performance.now() - t0
    if (i >= warmup) {
      repo.push(repoMs)
      bare.push(bareMs)
    }
  }
  const outbox = await repoDb.outbox.count()
  repoDb.close()
  bareDb.close()
  return { repo, bare, outbox }
}

function firstCpdEntry(): CpdFields {
  const entries = Object.values(generateDemoData({ members: 3 }).cpdByUid).flat()
  const entry = entries[0]
  if (!entry) throw new Error('the demo data has no CPD entry')
  const { id: _id, updatedAt: _u, version: _v, deleted: _d, lastMutationId: _l, ...fields } = entry
  return fields
}

declare global {
  interface Window {
    benchWrite: { run: typeof run }
  }
}
window.benchWrite = { run }
document.title = 'Bench: write ready'
