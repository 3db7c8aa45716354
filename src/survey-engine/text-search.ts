/** Searching free-text answers: every word must appear, ignoring case and accents. Pure. */

/** Lower case without accents, so "Café" matches "cafe". */
export function normaliseForSearch(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The entries whose text holds every word of `query` (all of them when the query is blank). */
export function searchTexts<T extends { text: string }>(entries: readonly T[], query: string): T[] {
  const words = normaliseForSearch(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...entries]
  return entries.filter((e) => {
    const hay = normaliseForSearch(e.text)
    return words.every((w) => hay.includes(w))
  })
}
