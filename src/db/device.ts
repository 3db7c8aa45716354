/**
 * This device's identity for sync: a random id kept in the local database and a plain name
 * ("Android phone", "Windows computer"), so a change that loses a merge can tell its author
 * where the newer change came from.
 */
import { newId } from '@/domain/ids'

export interface DeviceInfo {
  id: string
  name: string
}

/** A short name for a user agent string. */
export function deviceName(ua: string): string {
  if (/iPhone/i.test(ua)) return 'iPhone'
  if (/iPad/i.test(ua)) return 'iPad'
  if (/Android/i.test(ua)) return /Mobile/i.test(ua) ? 'Android phone' : 'Android tablet'
  if (/Windows/i.test(ua)) return 'Windows computer'
  if (/Mac OS X|Macintosh/i.test(ua)) return 'Mac'
  if (/CrOS/i.test(ua)) return 'Chromebook'
  if (/Linux/i.test(ua)) return 'Linux computer'
  return 'another device'
}

const known = new Map<string, DeviceInfo>()

/**
 * The device of a local database (one per browser profile; each test database its own). Kept in
 * localStorage where there is one, synchronously, so a repository can stamp it inside any
 * transaction, and the same across reloads (a remove then still beats this device's own add).
 */
export function deviceOf(dbName: string): DeviceInfo {
  const cached = known.get(dbName)
  if (cached) return cached
  const key = `th-device:${dbName}`
  const storage = typeof localStorage === 'undefined' ? null : localStorage
  let device: DeviceInfo | null = null
  try {
    const stored = storage ? (JSON.parse(storage.getItem(key) ?? 'null') as DeviceInfo | null) : null
    if (stored && typeof stored.id === 'string' && typeof stored.name === 'string') device = stored
  } catch {
    device = null
  }
  if (!device) {
    device = { id: newId(), name: deviceName(typeof navigator === 'undefined' ? '' : navigator.userAgent) }
    try {
      storage?.setItem(key, JSON.stringify(device))
    } catch {
      // Private mode or full storage: this page keeps its id in memory.
    }
  }
  known.set(dbName, device)
  return device
}
