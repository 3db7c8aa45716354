/**
 * The plan in public: a lead publishes the institution's current action plan as a static,
 * read-only page anyone can open without signing in (the `publishPlan` callable renders it, the
 * `publicPlan` HTTP function serves it). This module holds what client and server share (the
 * callable's input and answer) and the pure rules of what may appear on the page: codes, titles,
 * success measures, timeframes, owners as roles or teams, RAG status; never a person. Codes only,
 * no words: the server words the page from src/locales (publicPlan, labels).
 */
import * as v from 'valibot'
import { LANGUAGES, type ActionPlan, type Institution, type PlanAction, type RagChange, type RagStatus } from './entities'
import { expandTimeframe, ownerText } from './rules/owner-glossary'
import { activityIn, measureTextIn, outputsIn } from './rules/plan-language'
import { groupByTheme, type Theme } from './rules/plan-groups'

export type Language = (typeof LANGUAGES)[number]

/** `publishPlan`: the language the returned URL opens in (both languages are always published). */
export const PublishPlanInputSchema = v.strictObject({ lang: v.optional(v.picklist(LANGUAGES)) })
export type PublishPlanInput = v.InferOutput<typeof PublishPlanInputSchema>

/** What `publishPlan` answers: the page's address (now the institution's `planUrl`) and when it was published. */
export interface PublishPlanResult {
  url: string
  publishedAt: number
  actions: number
}

/** `publishPlan` as the app sees it: the result, or the server's refusal code (forbidden, not-found, too-large …) or offline. */
export type PublishOutcome = ({ ok: true } & PublishPlanResult) | { ok: false; offline: boolean; code: string }

/** Marks text taken out of the page because it named a person or an address (worded by the renderer). */
export const REDACTED = '\u0000redacted\u0000'

/** Who must never appear on a public page: members' names, e-mail addresses and uids. */
export interface PeopleToHide {
  names: readonly string[]
  emails: readonly string[]
  uids: readonly string[]
}

const EMAIL = /[^\s<>()[\]{},;:"'@]+@[^\s<>()[\]{},;:"'@]+\.[^\s<>()[\]{},;:"'@]+/gu

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A scrubber for free text: any e-mail address, and any member's name or uid (whole words, any
 * case), becomes {@link REDACTED}. Names shorter than 3 characters are ignored (they would match
 * ordinary words); adjacent redactions collapse into one.
 */
export function redactor(people: PeopleToHide): (text: string) => string {
  const words = [...people.names, ...people.emails, ...people.uids]
    .map((w) => w.trim())
    .filter((w) => w.length >= 3)
    .sort((a, b) => b.length - a.length)
  const known = words.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : null
  return (text) => {
    let out = text.replace(EMAIL, REDACTED)
    if (known) out = out.replace(known, REDACTED)
    return out.replace(new RegExp(`${REDACTED}(?:[\\s,;&(]*${REDACTED}\\)?)+`, 'g'), REDACTED)
  }
}

export interface PublicAction {
  code: string
  title: string
  outputs: string
  measures: string[]
  timeframe: string
  /** Roles or teams: the owner cell with the plan's abbreviations spelled out. */
  owner: string
  rag: RagStatus | null
}

export interface PublicPlanModel {
  lang: Language
  institutionName: string
  planTitle: string
  stage: ActionPlan['stage']
  startDate: string
  endDate: string
  publishedAt: number
  themes: { theme: Theme; actions: PublicAction[] }[]
  /** Distinct actions (one serving two themes counts once). */
  actionCount: number
}

export interface PublicPlanSource {
  institution: Pick<Institution, 'name'>
  plan: Pick<ActionPlan, 'title' | 'stage' | 'startDate' | 'endDate' | 'phases' | 'owners'>
  actions: readonly PlanAction[]
  changes: readonly RagChange[]
  people: PeopleToHide
  publishedAt: number
}

/**
 * The page's content in `lang`: actions grouped by theme in code order (an action serving two
 * themes shows under both, as the app does), every free text scrubbed of people.
 */
export function publicPlanModel(source: PublicPlanSource, lang: Language): PublicPlanModel {
  const scrub = redactor(source.people)
  const live = source.actions.filter((a) => !a.deleted)
  return {
    lang,
    institutionName: scrub(source.institution.name),
    planTitle: scrub(source.plan.title),
    stage: source.plan.stage,
    startDate: source.plan.startDate,
    endDate: source.plan.endDate,
    publishedAt: source.publishedAt,
    actionCount: live.length,
    themes: groupByTheme(live, source.changes).map((g) => ({
      theme: g.theme,
      actions: g.rows.map(({ action, rag }) => ({
        code: action.code,
        title: scrub(activityIn(lang, action)),
        outputs: scrub(outputsIn(lang, action)),
        measures: action.measures.map((m) => scrub(measureTextIn(lang, m))).filter((m) => m.trim() !== ''),
        timeframe: scrub(expandTimeframe(action.timeframe, source.plan.phases)),
        owner: scrub(ownerText(action.owner, source.plan.owners)),
        rag,
      })),
    })),
  }
}
