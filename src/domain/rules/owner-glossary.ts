/**
 * Plans abbreviate owners ("SG, OD") and timeframes ("P1-3"); the plan document carries the
 * glossary (owners) and the phases. These expand them for people who do not know the codes.
 */

/** One piece of an owner cell: an abbreviation with its meaning, or plain text. */
export type OwnerPart = { abbr: string; meaning: string } | { text: string }

/**
 * Splits an owner cell into known abbreviations (with their meaning) and the text between them:
 * "TCWG, CH" with TCWG and CH in the glossary → two abbreviations and ", ".
 */
export function expandOwner(owner: string, owners: Readonly<Record<string, string>>): OwnerPart[] {
  const keys = Object.keys(owners)
    .filter((k) => k.trim() !== '')
    .sort((a, b) => b.length - a.length)
  if (keys.length === 0 || owner === '') return owner ? [{ text: owner }] : []
  const pattern = new RegExp(`(?<![\\w])(${keys.map(escape).join('|')})(?![\\w])`, 'g')
  const parts: OwnerPart[] = []
  let last = 0
  for (const match of owner.matchAll(pattern)) {
    const abbr = match[1] ?? ''
    if (match.index > last) parts.push({ text: owner.slice(last, match.index) })
    parts.push({ abbr, meaning: owners[abbr] ?? '' })
    last = match.index + abbr.length
  }
  if (last < owner.length) parts.push({ text: owner.slice(last) })
  return parts
}

/** "SG, OD" → "SG (Steering group), OD (Organisational development)" for plain-text outputs. */
export function ownerText(owner: string, owners: Readonly<Record<string, string>>): string {
  return expandOwner(owner, owners)
    .map((p) => ('abbr' in p ? (p.meaning ? `${p.abbr} (${p.meaning})` : p.abbr) : p.text))
    .join('')
}

/**
 * A timeframe with its phases spelled out: "P1" → "P1 (Jun 2025 – May 2026)"; a range "P1-3" or
 * "P1–P3" → "P1–P3 (Jun 2025 – May 2028)" from the start of the first phase to the end of the last.
 * Anything else ("Continuing", "by March 2027") is returned as written.
 */
export function expandTimeframe(timeframe: string, phases: Readonly<Record<string, string>>): string {
  const range = /^\s*P(\d+)\s*(?:[-–—]|to)\s*P?(\d+)\s*$/i.exec(timeframe)
  if (range) {
    const first = phases[`P${range[1]}`]
    const lastPhase = phases[`P${range[2]}`]
    if (first && lastPhase) return `P${range[1]}–P${range[2]} (${startOf(first)} – ${endOf(lastPhase)})`
    return timeframe
  }
  const single = /^\s*(P\d+)\s*$/i.exec(timeframe)
  const label = single ? phases[(single[1] ?? '').toUpperCase()] : undefined
  return label ? `${(single?.[1] ?? '').toUpperCase()} (${label})` : timeframe
}

const DASH = /\s+[-–—]\s+|\s*[–—]\s*/

function startOf(label: string): string {
  return label.split(DASH)[0]?.trim() ?? label
}

function endOf(label: string): string {
  const parts = label.split(DASH)
  return parts[parts.length - 1]?.trim() ?? label
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
