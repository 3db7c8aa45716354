/**
 * The questions of the Technician Commitment self-assessment templates, in order, as the Stage One
 * (24-month plan) and Stage Two (RAG review + 36-month plan) submissions ask them. Each section
 * has a lead-written narrative; `prefill` says which live figures the generator adds to it. The
 * words (heading, the template's question word for word, the hint to the lead) are messages:
 * `selfAssessment.template.<stage>.<key>.heading|question|hint`, in English and Welsh.
 */
export type Stage = 'one' | 'two'

export type Prefill = 'staff' | 'roles' | 'owners' | 'themes' | 'rag' | 'impact' | 'additional' | 'plan' | 'voice' | 'url'

export interface SectionSpec {
  key: string
  prefill: readonly Prefill[]
  /** The template's word limit for the narrative ("up to 250 words"), shown while writing and flagged in the document. */
  wordLimit?: number
  /** The lead lists items, one a line (the appendices they attach), rendered as a list. */
  list?: true
}

/** Words in a narrative, as a word processor counts them (runs of non-space). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

export interface SectionWords {
  heading: string
  /** The template's question, word for word where the seeds agree. */
  question: string
  /** What the lead is asked to write. */
  hint: string
}

const STAGE_ONE: readonly SectionSpec[] = [
  { key: 'profile', prefill: [], wordLimit: 250 },
  { key: 'definition', prefill: ['roles'] },
  { key: 'structure', prefill: ['staff'] },
  { key: 'prior', prefill: [] },
  { key: 'initiatives', prefill: ['themes'] },
  { key: 'plan', prefill: ['plan'] },
  { key: 'voice', prefill: ['voice'] },
  { key: 'published', prefill: ['url'] },
  { key: 'appendices', prefill: [], list: true },
]

const STAGE_TWO: readonly SectionSpec[] = [
  { key: 'structure', prefill: ['staff', 'roles'] },
  { key: 'governance', prefill: ['owners'] },
  { key: 'rag', prefill: ['rag'] },
  { key: 'impact', prefill: ['impact'] },
  { key: 'additional', prefill: ['additional'] },
  { key: 'plan', prefill: ['plan'] },
  { key: 'voice', prefill: ['voice'] },
  { key: 'published', prefill: ['url'] },
  { key: 'appendices', prefill: [], list: true },
]

export const TEMPLATE: Record<Stage, readonly SectionSpec[]> = { one: STAGE_ONE, two: STAGE_TWO }

/** A section's words through a translator (`t` of vue-i18n, or a document's `DocText.t` with `selfAssessment.` left off). */
export function sectionWords(t: (key: string) => string, stage: Stage, key: string, prefix = 'selfAssessment.'): SectionWords {
  const base = `${prefix}template.${stage}.${key}`
  return { heading: t(`${base}.heading`), question: t(`${base}.question`), hint: t(`${base}.hint`) }
}
