import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { createDb, type HubDb } from '@/db/database'
import { createRepo } from '@/db/repos'
import { workshopTemplate } from '@/survey-engine/templates'
import { i18nFor } from '../../../tests/support/i18n'
import { builderDraftKey, useSurveyBuilder } from './use-survey-builder'

let db: HubDb
let n = 0
const ctx = { today: '2026-11-23', createdByUid: 'lead', newId: () => `id-${n++}` }

// Errors are worded through the errors messages: the test reads the English a person sees.
beforeAll(async () => {
  await i18nFor('en')
})

beforeEach(() => {
  db = createDb(`builder-${crypto.randomUUID()}`)
})

async function open(id: string) {
  const scope = effectScope()
  const builder = scope.run(() => useSurveyBuilder(ref(id), { db, saveDelay: 5 }))!
  await vi.waitFor(() => expect(builder.state.value).not.toBe('loading'))
  return { builder, scope }
}

describe('useSurveyBuilder', () => {
  it('edits a working copy, autosaves it as a draft, and saves and opens the survey through the repository', async () => {
    const survey = await createRepo('surveys', { db }).create(workshopTemplate(ctx, ['visibility']), 'survey-1')
    const { builder, scope } = await open(survey.id)
    builder.draft.value!.title = 'Workshop: visibility'
    builder.draft.value!.questions[1]!.required = true
    await vi.waitFor(async () =>
      expect((await db.drafts.get(builderDraftKey('survey-1')))?.value).toMatchObject({ title: 'Workshop: visibility' }),
    )
    expect(await builder.save('open')).toBe(true)
    expect(await db.surveys.get('survey-1')).toMatchObject({ title: 'Workshop: visibility', status: 'open' })
    expect((await db.outbox.toArray()).filter((m) => m.docId === 'survey-1')).toHaveLength(2)
    await vi.waitFor(async () => expect(await db.drafts.get(builderDraftKey('survey-1'))).toBeUndefined())
    scope.stop()
  })

  it('restores unsaved changes of a draft survey', async () => {
    await createRepo('surveys', { db }).create(workshopTemplate(ctx, ['career']), 'survey-2')
    const first = await open('survey-2')
    first.builder.draft.value!.title = 'Half-typed title'
    first.scope.stop()
    await vi.waitFor(async () => expect(await db.drafts.get(builderDraftKey('survey-2'))).toBeDefined())
    const again = await open('survey-2')
    expect(again.builder.restored.value).toBe(true)
    expect(again.builder.draft.value?.title).toBe('Half-typed title')
    again.scope.stop()
  })

  it('refuses to save a broken survey, with errors at the fields, writing nothing', async () => {
    await createRepo('surveys', { db }).create(workshopTemplate(ctx, ['career']), 'survey-3')
    const { builder, scope } = await open('survey-3')
    const before = await db.outbox.count()
    builder.draft.value!.questions[0]!.prompt = ' '
    builder.draft.value!.closesAt = '2026-01-01'
    expect(await builder.save('open')).toBe(false)
    expect(builder.errors.value).toMatchObject({
      'questions.0.prompt': 'Question is required',
      closesAt: 'The closing date cannot be before the opening date',
    })
    expect(await db.outbox.count()).toBe(before)
    expect((await db.surveys.get('survey-3'))?.status).toBe('draft')
    scope.stop()
  })

  it('says when the survey is not on this device', async () => {
    const { builder, scope } = await open('nope')
    expect(builder.state.value).toBe('missing')
    scope.stop()
  })
})
