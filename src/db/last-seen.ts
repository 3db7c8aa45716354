/**
 * Last-seen pictures of the main pages, kept on this device so the next start paints the member's
 * own page before any script has run (the prerendered shell shows it, inert, until the app takes
 * over: scripts/vite/prerender-shell.ts reads these keys, src/features/shell/last-seen.ts writes
 * them). They hold what the device already holds in IndexedDB, and go with it: on sign-out, when
 * the server ends the session, and when someone else signs in.
 *
 * localStorage, not Dexie: the inline script that paints them runs before any module, and must
 * read them synchronously while the HTML is parsed.
 */

/** One page's picture: the build and language it was taken in, its markup and stylesheets. */
export interface LastSeen {
  /** The build it was taken with (its markup carries that build's scoped style attributes). */
  b: string
  /** `<html lang>` when it was taken. */
  l: string
  /** The inner HTML of the page's `<main>`, cleaned (see pictureOf). */
  h: string
  /** The stylesheets (href) it was drawn with; their text is under LAST_SEEN_CSS_KEY. */
  c: string[]
}

/** Stylesheet texts by href, for the build that took the pictures. */
export interface LastSeenCss {
  b: string
  sheets: Record<string, string>
}

export const LAST_SEEN_PREFIX = 'th-last-seen:'
export const LAST_SEEN_CSS_KEY = 'th-last-seen-css'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage blocked (a privacy setting): no pictures, nothing else changes
  }
}

/**
 * Keeps `route`'s picture and the stylesheets it needs (texts of another build are dropped). A full
 * storage drops every picture rather than keep a half-written set.
 */
export function saveLastSeen(route: string, picture: LastSeen, sheets: Record<string, string>): void {
  const store = storage()
  if (!store) return
  try {
    const kept = readCss(store)
    const texts = kept?.b === picture.b ? kept.sheets : {}
    for (const href of picture.c) if (sheets[href] !== undefined) texts[href] = sheets[href]
    // Only the texts some picture of this build still uses.
    const used = new Set(picture.c)
    for (const key of lastSeenKeys(store)) {
      if (key === LAST_SEEN_PREFIX + route) continue
      const other = parse<LastSeen>(store.getItem(key))
      if (other?.b === picture.b) for (const href of other.c) used.add(href)
      else store.removeItem(key)
    }
    const css: LastSeenCss = { b: picture.b, sheets: Object.fromEntries(Object.entries(texts).filter(([href]) => used.has(href))) }
    store.setItem(LAST_SEEN_PREFIX + route, JSON.stringify(picture))
    store.setItem(LAST_SEEN_CSS_KEY, JSON.stringify(css))
  } catch {
    clearLastSeen()
  }
}

/** `route`'s picture, if one is kept. */
export function readLastSeen(route: string): LastSeen | null {
  const store = storage()
  return store ? parse<LastSeen>(store.getItem(LAST_SEEN_PREFIX + route)) : null
}

/** Removes every picture and their stylesheets. */
export function clearLastSeen(): void {
  const store = storage()
  if (!store) return
  for (const key of lastSeenKeys(store)) store.removeItem(key)
  store.removeItem(LAST_SEEN_CSS_KEY)
}

function lastSeenKeys(store: Storage): string[] {
  const keys: string[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (key?.startsWith(LAST_SEEN_PREFIX)) keys.push(key)
  }
  return keys
}

function readCss(store: Storage): LastSeenCss | null {
  return parse<LastSeenCss>(store.getItem(LAST_SEEN_CSS_KEY))
}

function parse<T>(text: string | null): T | null {
  if (!text) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}
