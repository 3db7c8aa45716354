/**
 * The directory as a device holds it after a pull: `count` generated profiles (scripts/demo/demo-data.ts),
 * every one listed, as the server's directory projection with sync metadata. Imported by
 * scripts/bench/coldstart.mjs after bundling (node-run.mjs `bundleNode`).
 */
import { directoryProjection } from '@/domain/collections'
import { generateDemoData } from '../../demo/demo-data'
import type { Member } from '@/domain/entities'

export function directoryMembers(count: number): Member[] {
  const listed = (m: Member): Member | null => directoryProjection<Member>({ ...m, visibility: 'institution' })
  return generateDemoData({ members: count })
    .members.map(listed)
    .filter((m): m is Member => m !== null)
}
