import { computed, ref, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { createReads, type Reads } from '@/db/read'
import { repos } from '@/db/repos'
import type { ActionPlan, AssessmentSection } from '@/domain/entities'
import { compositeId } from '@/domain/ids'
import { readCachedStats, refreshStats, type CachedStats } from '@/db/stats-cache'
import { readCachedVoice, refreshVoice } from '@/db/voice-cache'
import { feedsFrom } from '@/composables/use-feeds'
import { loadPlanData } from '@/composables/use-plan'
import { pickCurrentPlan } from '@/domain/rules/plan-groups'
import { isLocale, type Locale } from '@/i18n/locales'
import { buildAssessment, type AssessmentInput, type AssessmentModel, type PlanBundle } from './assessment-model'
import { docText, ensureMessages } from './doc-text'
import type { Stage } from './template'

export interface AssessmentChoice {
  /** The forward plan; empty picks the current plan. */
  planId: string
  stage: Stage | ''
  /** Stage Two: the plan whose RAG is analysed; empty picks the latest plan that started before the forward one. */
  previousId: string
}

export interface AssessmentData {
  plans: ActionPlan[]
  input: AssessmentInput | null
  sections: AssessmentSection[]
  cached: CachedStats | null
}

/** The document id of one narrative section: one per plan, stage and section. */
export function narrativeId(planId: string, stage: Stage, section: string): string {
  return compositeId(planId, stage, section)
}

/** The earlier plan a Stage Two submission reviews: the latest that started before `plan`. */
export function defaultPrevious(plans: readonly ActionPlan[], plan: ActionPlan): ActionPlan | null {
  return (
    plans.filter((p) => p.id !== plan.id && p.startDate < plan.startDate).sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null
  )
}

export async function loadAssessment(
  database: HubDb,
  choice: AssessmentChoice,
  now: number,
  reads: Reads = createReads(database),
): Promise<AssessmentData> {
  const plans = (await reads.plans.all()).sort((a, b) => b.startDate.localeCompare(a.startDate))
  const plan = plans.find((p) => p.id === choice.planId) ?? pickCurrentPlan(plans, { includeDrafts: true })
  const [cached, voice] = await Promise.all([readCachedStats(database), readCachedVoice(database)])
  if (!plan) return { plans, input: null, sections: [], cached }
  const stage: Stage = choice.stage || plan.stage
  const previousPlan = stage === 'two' ? (plans.find((p) => p.id === choice.previousId) ?? defaultPrevious(plans, plan)) : null
  const bundle = async (p: ActionPlan): Promise<PlanBundle> => {
    const d = await loadPlanData(reads, p)
    return { plan: p, actions: d.actions, changes: d.changes }
  }
  const [current, previous, ideas, comments, votes, institutions, members, sections] = await Promise.all([
    bundle(plan),
    previousPlan ? bundle(previousPlan) : Promise.resolve(null),
    reads.ideas.all(),
    reads.comments.all(),
    reads.votes.all(),
    reads.institutions.all(),
    reads.members.all(),
    reads.assessments.where('planId', plan.id),
  ])
  const mine = sections.filter((s) => s.stage === stage)
  return {
    plans,
    cached,
    sections: mine,
    input: {
      stage,
      now,
      institution: institutions[0] ?? null,
      current,
      previous: stage === 'two' ? (previous ?? current) : null,
      ideas,
      comments,
      votes,
      stats: cached?.stats ?? null,
      directoryCount: members.length,
      narratives: Object.fromEntries(mine.map((s) => [s.section, s.body])),
      feeds: feedsFrom(members, cached),
      surveyVoice: voice?.surveys ?? null,
    },
  }
}

/** The generated document's language: the one chosen (`?lang=`), else the app's. */
export function documentLanguage(chosen: string, appLocale: string): Locale {
  return isLocale(chosen) ? chosen : isLocale(appLocale) ? appLocale : 'en'
}

export interface UseAssessment {
  data: ShallowRef<AssessmentData>
  /** The document in `language` (null until its messages are loaded, or with no plan). */
  model: ComputedRef<AssessmentModel | null>
}

/** The self-assessment's data, live, and the document built from it in the chosen language. */
export function useAssessment(choice: Ref<AssessmentChoice>, language: Readonly<Ref<Locale>>, options: { db?: HubDb } = {}): UseAssessment {
  const database = options.db ?? defaultDb
  const data = useLiveQuery(() => loadAssessment(database, choice.value, Date.now()), {
    initial: { plans: [], input: null, sections: [], cached: null },
    deps: () => JSON.stringify(choice.value),
  })
  // The document's language may not be the app's: its messages load before the model is built.
  const loaded = ref<Locale | null>(null)
  watch(
    language,
    async (locale) => {
      await ensureMessages(locale)
      if (language.value === locale) loaded.value = locale
    },
    { immediate: true },
  )
  const model = computed(() => (data.value.input && loaded.value ? buildAssessment(data.value.input, docText(loaded.value)) : null))
  return { data, model }
}

/**
 * The assessment the page's query names (`planId`, `stage`, `previousId`), in the document
 * language it names (`lang`) or else the app's: the editing page and its print view share it.
 */
export function useRoutedAssessment(): UseAssessment & { docLanguage: ComputedRef<Locale> } {
  const route = useRoute()
  const { locale } = useI18n()
  const q = (k: string) => (typeof route.query[k] === 'string' ? (route.query[k] as string) : '')
  const choice = computed<AssessmentChoice>(() => ({
    planId: q('planId'),
    stage: (q('stage') as Stage | '') || '',
    previousId: q('previousId'),
  }))
  const docLanguage = computed(() => documentLanguage(q('lang'), locale.value))
  return { ...useAssessment(choice, docLanguage), docLanguage }
}

/**
 * Fetches the latest member figures (throws when offline) and survey themes for the dashboard and
 * the document. Themes that cannot be fetched keep their last copy (the document says when there
 * is none) rather than failing the figures.
 */
export async function refreshFigures(database: HubDb = defaultDb): Promise<void> {
  await Promise.all([refreshStats(database), refreshVoice(database).catch(() => null)])
}

/** Saves one narrative section on this device (it syncs when online). */
export async function saveNarrative(planId: string, stage: Stage, section: string, body: string, uid: string): Promise<void> {
  await repos.assessments.put(narrativeId(planId, stage, section), { planId, stage, section, body, updatedByUid: uid })
}
