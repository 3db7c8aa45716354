import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { db as defaultDb, type HubDb } from '@/db/database'
import { deleteDraft, readDraft, writeDraft } from '@/db/drafts'
import { reads } from '@/db/read'
import { createRepo } from '@/db/repos'
import type { Institution, Survey } from '@/domain/entities'
import { ValidationError } from '@/domain/validation'
import type { SurveyDraft } from '@/survey-engine/templates'
import { errorsFor } from '@/ui/field-errors'
import { checkSurveyDraft, normaliseDraft, type BuilderErrors, type Say, type Words } from './builder'

export const builderDraftKey = (id: string) => `survey-builder:${id}`

export interface UseSurveyBuilderOptions {
  db?: HubDb
  saveDelay?: number
  /** Words the builder's own messages (the app passes i18n's; English by default). */
  say?: Say
  /** Words a domain problem (the view passes useFieldErrors()'s; the app's language by default). */
  words?: Words
}

/** The institution's faculties, for the audience choice. */
export function useFaculties(): ShallowRef<Institution['faculties']> {
  return useLiveQuery<Institution['faculties']>(async () => (await reads.institutions.all())[0]?.faculties ?? [], { initial: [] })
}

/**
 * A survey being built: a working copy autosaved to `drafts` (so nothing typed is lost), checked
 * with the shared schema and the builder's rules, and saved through the surveys repository
 * (document + outbox row), so building works offline and syncs like any change.
 */
export function useSurveyBuilder(id: Ref<string>, options: UseSurveyBuilderOptions = {}) {
  const database = options.db ?? defaultDb
  const repo = createRepo('surveys', { db: database })
  const draft = ref<SurveyDraft | null>(null)
  const state = shallowRef<'loading' | 'missing' | 'ready'>('loading')
  const errors = ref<BuilderErrors>({})
  const restored = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The survey as last loaded or saved: an unchanged working copy needs no draft. */
  let savedJson = ''

  watch(id, load, { immediate: true })
  watch(
    draft,
    (value) => {
      if (!value || state.value !== 'ready') return
      clearTimeout(timer)
      timer = setTimeout(() => void autosave(), options.saveDelay ?? 400)
    },
    { deep: true },
  )
  if (getCurrentScope()) onScopeDispose(() => void autosave())

  return { draft, state, errors, restored, save }

  async function load(surveyId: string): Promise<void> {
    state.value = 'loading'
    const [doc, saved] = await Promise.all([repo.get(surveyId), readDraft<SurveyDraft>(builderDraftKey(surveyId), database)])
    if (!doc) {
      state.value = 'missing'
      return
    }
    const { id: _id, updatedAt: _u, version: _v, deleted: _d, lastMutationId: _l, ...fields } = doc
    savedJson = JSON.stringify(fields)
    restored.value = !!saved && doc.status === 'draft' && JSON.stringify(saved.value) !== savedJson
    draft.value = restored.value ? saved!.value : fields
    state.value = 'ready'
  }

  async function autosave(): Promise<void> {
    clearTimeout(timer)
    if (!draft.value || state.value !== 'ready') return
    const json = JSON.stringify(draft.value)
    if (json === savedJson) await deleteDraft(builderDraftKey(id.value), database)
    else await writeDraft(builderDraftKey(id.value), JSON.parse(json) as object, database)
  }

  /** Checks and saves, optionally changing status (open, close); false with `errors` set when it cannot. */
  async function save(status?: Survey['status']): Promise<boolean> {
    if (!draft.value) return false
    // A plain copy: IndexedDB cannot store Vue's reactive proxies.
    const next = normaliseDraft(JSON.parse(JSON.stringify({ ...draft.value, status: status ?? draft.value.status })) as SurveyDraft)
    const checked = checkSurveyDraft(next, { say: options.say, words: options.words, previousStatus: draft.value.status })
    if (!checked.ok) {
      errors.value = checked.errors
      return false
    }
    try {
      clearTimeout(timer)
      // Only what changed since the version loaded: another organiser's edits (and options added
      // on another device) merge instead of being overwritten by this copy.
      if (savedJson) await repo.patchFrom(id.value, JSON.parse(savedJson) as Partial<Survey>, checked.value)
      else await repo.put(id.value, checked.value)
      savedJson = JSON.stringify(checked.value)
      await deleteDraft(builderDraftKey(id.value), database)
      errors.value = {}
      restored.value = false
      draft.value = checked.value
      return true
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const words = options.words ?? errorsFor().problemText
      errors.value = Object.fromEntries(error.issues.map((i) => [i.field, words(i)]))
      return false
    }
  }
}
