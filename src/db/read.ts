/**
 * The read side: one reader per collection, the only way features read synced documents. A
 * reader never returns a tombstone (pulls already drop them; a deleted row written by an older
 * version of the app is still filtered here, once), so no caller filters `deleted` itself.
 *
 * Features wrap these in live queries (`useLiveQuery(() => reads.cpd.all())`) inside their
 * `use-*.ts` composables; components never import `@/db` (lint).
 */
import type { IndexableType, Table } from 'dexie'
import { COLLECTION_NAMES, type CollectionName } from '@/domain/collections'
import type { Member } from '@/domain/entities'
import { withSkillMerges } from '@/domain/skill-merges'
import { db as defaultDb, type DocTables, type HubDb } from './database'

type DocOf<C extends CollectionName> = DocTables[C] extends Table<infer T, string> ? T : never

export interface Reader<T> {
  /** One document, or undefined when missing or deleted. */
  get(id: string): Promise<T | undefined>
  /** Several documents by id, in the order asked, missing ones left out. */
  getMany(ids: readonly string[]): Promise<T[]>
  /** Every document. */
  all(): Promise<T[]>
  /** Documents whose indexed field equals `value` (the index must exist in the schema). */
  where(index: string, value: IndexableType): Promise<T[]>
  /** Documents whose indexed field is any of `values`. */
  anyOf(index: string, values: readonly IndexableType[]): Promise<T[]>
  /** How many documents there are. */
  count(): Promise<number>
}

export type Reads = { [C in CollectionName]: Reader<DocOf<C>> }

const live = <T>(rows: readonly (T | undefined)[]): T[] =>
  rows.filter((r): r is T => r !== undefined && !(r as { deleted?: boolean }).deleted)

function createReader<T>(table: () => Table<T, string>): Reader<T> {
  return {
    get: async (id) => live([await table().get(id)])[0],
    getMany: async (ids) => live(await table().bulkGet([...ids])),
    all: async () => live(await table().toArray()),
    where: async (index, value) => live(await table().where(index).equals(value).toArray()),
    anyOf: async (index, values) =>
      values.length
        ? live(
            await table()
              .where(index)
              .anyOf([...values])
              .toArray(),
          )
        : [],
    count: async () =>
      await table()
        .filter((r) => !(r as { deleted?: boolean }).deleted)
        .count(),
  }
}

/** Readers over a database (tests pass their own). */
export function createReads(database: HubDb = defaultDb): Reads {
  const readers = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, createReader(() => database.table(c) as Table<DocOf<typeof c>, string>)]),
  ) as unknown as Reads
  return { ...readers, members: mergedMembers(readers.members, database) }
}

/**
 * Directory entries as their institution now counts skills: a lead's merges of duplicate skills
 * (`skillMerges` on the institution, src/domain/skill-merges.ts) applied on every read, so every
 * screen (the directory, a colleague's page, coverage, teach suggestions) follows a merge at once.
 */
function mergedMembers(reader: Reader<Member>, database: HubDb): Reader<Member> {
  const follow = async (members: Member[]) => {
    const institutions = await database.institutions.toArray()
    if (!institutions.some((i) => i.skillMerges)) return members
    const merges = new Map(institutions.map((i) => [i.id, i.skillMerges]))
    return members.map((m) => withSkillMerges(m, merges.get(m.institutionId)))
  }
  return {
    ...reader,
    get: async (id) => (await follow(live([await reader.get(id)])))[0],
    getMany: async (ids) => follow(await reader.getMany(ids)),
    all: async () => follow(await reader.all()),
    where: async (index, value) => follow(await reader.where(index, value)),
    anyOf: async (index, values) => follow(await reader.anyOf(index, values)),
  }
}

export const reads: Reads = createReads()
