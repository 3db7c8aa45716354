/**
 * The device-local key/value table (`meta`): small markers such as "notices seen at", never
 * synced. Features read and write it through these, not through the table.
 */
import { db as defaultDb, type HubDb } from './database'

export async function readMeta(key: string, database: HubDb = defaultDb): Promise<unknown> {
  return (await database.meta.get(key))?.value
}

export async function writeMeta(key: string, value: unknown, database: HubDb = defaultDb): Promise<void> {
  await database.meta.put({ key, value })
}
