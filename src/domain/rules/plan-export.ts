/**
 * The plan out of the app: one table (the columns the CSV import reads, src/domain/rules/csv.ts),
 * written as CSV here and as XLSX by the app, so an exported plan re-imports to the same plan.
 * Measures go one per line in their cell; RAG is the action's current status and rationale.
 */
import type { PlanAction, RagChange } from '../entities'
import { toCsv } from '../csv'
import { compareActionCodes, currentRagByAction } from './rag'

export const PLAN_EXPORT_HEADER = [
  'Code',
  'Theme',
  'Activity',
  'Key outputs',
  'Success measures',
  'Timeframe',
  'Owner',
  'RAG',
  'RAG rationale',
] as const

/** Theme words the import reads back (THEME_WORDS in csv.ts). */
const THEME_WORDS = {
  visibility: 'Visibility',
  recognition: 'Recognition',
  career: 'Career development',
  sustainability: 'Sustainability',
  all: 'All',
} as const
const RAG_WORDS = { red: 'Red', amber: 'Amber', green: 'Green' } as const

/** The plan as rows of text, header first, actions in code order (a sub-item after its parent). */
export function planExportRows(actions: readonly PlanAction[], ragChanges: readonly RagChange[] = []): string[][] {
  const rag = currentRagByAction(ragChanges)
  const rows = [...actions]
    .filter((a) => !a.deleted)
    .sort((a, b) => compareActionCodes(a.code, b.code))
    .map((a) => {
      const r = rag.get(a.id)
      return [
        a.code,
        a.themes.map((t) => THEME_WORDS[t]).join(' / '),
        a.activity,
        a.outputs ?? '',
        a.measures.map((m) => m.text.replace(/\s*\r?\n\s*/g, ' ')).join('\n'),
        a.timeframe,
        a.owner,
        r ? RAG_WORDS[r.status] : '',
        r?.rationale ?? '',
      ]
    })
  return [[...PLAN_EXPORT_HEADER], ...rows]
}

/** The plan as CSV (RFC 4180, formula-like text defused; the import reads it back). */
export function planCsv(actions: readonly PlanAction[], ragChanges: readonly RagChange[] = []): string {
  return toCsv(planExportRows(actions, ragChanges))
}
