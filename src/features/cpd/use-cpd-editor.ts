/**
 * The state of the CPD entry editor: loads the entry (or a quick-add prefill), restores and
 * autosaves the draft (src/db/drafts) while the person types, and keeps the entry's evidence apart:
 * files it already has, files held for the draft, files taken off.
 */
import { computed, onScopeDispose, reactive, ref, watch, type Ref } from 'vue'
import { discardDraftEvidence } from '@/evidence-engine/queue'
import { deleteDraft, discardDraftAndFiles, readDraft, writeDraft } from '@/db/drafts'
import { reads } from '@/db/read'
import type { CpdEntry } from '@/domain/entities'
import { isoDateOf } from '@/domain/rules/dates'
import { i18n } from '@/i18n'
import { emptyEntry, valuesFromEntry, type CpdEntryValues } from './cpd-form'
import { prefillFromQuery, prefillFromRequest, type TemplateText } from './cpd-prefill'
import { useDraftEvidenceIds } from '@/features/cpd/evidence/use-evidence'

interface DraftValue {
  values: CpdEntryValues
  removedIds: string[]
}

export interface CpdEditorOptions {
  id: Ref<string | null>
  query: () => Record<string, unknown>
  uid: () => string | undefined
  autosaveMs?: number
}

export function useCpdEditor(options: CpdEditorOptions) {
  const today = isoDateOf(Date.now())
  const values = reactive<CpdEntryValues>(emptyEntry(today))
  const entry = ref<CpdEntry | null>(null)
  const removedIds = ref<string[]>([])
  const state = ref<'loading' | 'ready' | 'missing'>('loading')
  const restoredAt = ref<number | null>(null)
  const draftKey = computed(() => (options.id.value ? `cpd:${options.id.value}` : 'cpd:new'))
  const heldIds = useDraftEvidenceIds(() => draftKey.value)
  const evidenceIds = computed(() => [...(entry.value?.evidenceIds ?? []).filter((e) => !removedIds.value.includes(e)), ...heldIds.value])
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The values as loaded: a draft is kept only while the form differs from them. */
  let baseline = ''
  const snapshot = () => comparable(values, removedIds.value)

  watch(options.id, load, { immediate: true })
  watch([values, removedIds], scheduleAutosave, { deep: true })
  onScopeDispose(() => clearTimeout(timer))

  return { today, values, entry, removedIds, state, restoredAt, draftKey, evidenceIds, heldIds, discardDraft, flushDraft, pause, load }

  async function load() {
    state.value = 'loading'
    clearTimeout(timer)
    const id = options.id.value
    const saved = id ? await reads.cpd.get(id) : undefined
    if (id && !saved) {
      state.value = 'missing'
      return
    }
    entry.value = saved ?? null
    // A field only some entries have must not carry over from the one shown before.
    delete values.requestId
    const draft = await readDraft<DraftValue>(draftKey.value)
    const fromDraft = draft?.value
    if (fromDraft?.values) {
      Object.assign(values, emptyEntry(today), fromDraft.values)
      removedIds.value = [...(fromDraft.removedIds ?? [])]
      restoredAt.value = draft?.savedAt ?? null
    } else {
      Object.assign(values, saved ? valuesFromEntry(saved) : { ...emptyEntry(today), ...(await prefill()) })
      removedIds.value = []
      restoredAt.value = null
    }
    baseline = fromDraft?.values ? comparable({ ...emptyEntry(today), ...(saved ? valuesFromEntry(saved) : {}) }, []) : snapshot()
    // Loading itself changed the values: let that settle before autosave listens.
    setTimeout(() => (state.value = 'ready'))
  }

  async function prefill(): Promise<Partial<CpdEntryValues>> {
    const query = options.query()
    const requestId = typeof query.request === 'string' ? query.request : null
    const uid = options.uid()
    if (requestId && uid) {
      const request = await reads.requests.get(requestId)
      const fromRequest = request ? prefillFromRequest(request, uid) : null
      if (fromRequest) return fromRequest
    }
    return prefillFromQuery(query, templateText)
  }

  function scheduleAutosave() {
    if (state.value !== 'ready') return
    clearTimeout(timer)
    timer = setTimeout(() => void flushDraft(), options.autosaveMs ?? 400)
  }

  /** Writes the draft now (also before leaving the page); an unchanged form keeps no draft. */
  async function flushDraft() {
    clearTimeout(timer)
    if (state.value !== 'ready') return
    if (snapshot() === baseline) {
      await deleteDraft(draftKey.value)
      return
    }
    const value: DraftValue = { values: JSON.parse(JSON.stringify(values)) as CpdEntryValues, removedIds: [...removedIds.value] }
    await writeDraft(draftKey.value, value)
  }

  /** Stops autosave while the entry is being saved (a later load starts it again). */
  function pause() {
    clearTimeout(timer)
    state.value = 'loading'
  }

  /** Forgets unsaved changes and files attached since the last save. */
  async function discardDraft() {
    clearTimeout(timer)
    await discardDraftAndFiles(draftKey.value, discardDraftEvidence)
    await load()
  }
}

/** A template's words in the language shown. */
const templateText: TemplateText = (id, part) => i18n.global.t(`cpd.template.${id}.${part}`)

/** The form's content as a string that ignores key order, to tell whether anything changed. */
function comparable(values: CpdEntryValues, removed: readonly string[]): string {
  const record = values as unknown as Record<string, unknown>
  return JSON.stringify([
    Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => [k, record[k]]),
    [...removed].sort(),
  ])
}
