import type { Member } from '@/domain/entities'

/** Lower-case, accent-free text, so "José" matches "jose". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim()
}

/**
 * Members whose name, job title or any skill contains every word of the query.
 * An empty query returns the list unchanged. (A search index replaces this for 10k profiles.)
 */
export function filterMembers(members: readonly Member[], query: string): readonly Member[] {
  const words = normalise(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return members
  return members.filter((m) => {
    const haystack = normalise([m.displayName, m.jobTitle ?? '', ...m.skills.map((s) => s.name)].join(' '))
    return words.every((w) => haystack.includes(w))
  })
}
