// @vitest-environment happy-dom
/**
 * Issue 12, item 1: every form sends a patch of the fields the person changed since the version
 * it loaded — never the whole document — so a phone saving its bio cannot overwrite the job
 * title just set on the laptop; and lists travel as added/removed elements.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { db as appDb, createDb, type HubDb, type OutboxRow } from '@/db/database'
import { createRepo, createRepos, repos as appRepos } from '@/db/repos'
import type { ActionPlan, Member } from '@/domain/entities'
import { workshopTemplate } from '@/survey-engine/templates'
import { saveCpdEntry } from './cpd/save-entry'
import PlanEditor from './plan-admin/PlanEditor.vue'
import ProfileForm from './profile/ProfileForm.vue'
import SkillsEditor from './profile/SkillsEditor.vue'
import { setStep } from './registration/registration-actions'
import { useSurveyBuilder } from './survey-builder/use-survey-builder'
import { i18nFor } from '../../tests/support/i18n'

const server = (doc: Record<string, unknown>, version = 3) => ({
  ...doc,
  updatedAt: 1_000,
  version,
  deleted: false,
  lastMutationId: 'm-server',
})
const lastRow = async (db: HubDb, docId: string): Promise<OutboxRow> =>
  (await db.outbox.orderBy('seq').toArray()).filter((r) => r.docId === docId).at(-1)!

const profile = server({
  id: 'u-tech',
  institutionId: 'inst',
  displayName: 'Sam Okafor',
  email: 'sam@example.ac.uk',
  role: 'technician',
  jobTitle: 'Technician',
  bio: 'Old bio',
  visibility: 'institution',
  skills: [{ skillId: 'cryo', name: 'Cryo-EM', category: 'technique', level: 'expert', canTeach: true, wantsToLearn: false }],
  joinedAt: 1,
}) as unknown as Member

beforeEach(async () => {
  await appDb.open()
  await Promise.all([appDb.outbox.clear(), appDb.profiles.clear(), appDb.plans.clear(), appDb.registrations.clear()])
})

describe('forms send only what changed', () => {
  it('the profile form sends just the bio when only the bio was edited (not the other eleven fields or the photo)', async () => {
    await appDb.profiles.put(profile)
    const wrapper = mount(ProfileForm, { props: { profile }, attachTo: document.body, global: { plugins: [await i18nFor('en')] } })
    await wrapper.find('textarea').setValue('New bio')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(async () => expect(await appDb.outbox.count()).toBe(1))
    const row = await lastRow(appDb, 'u-tech')
    expect(row.op).toBe('patch')
    expect(row.payload).toEqual({ bio: 'New bio' })
    wrapper.unmount()
  })

  it('adding a skill sends that one skill, not the list: a skill added on another device is kept', async () => {
    await appDb.profiles.put(profile)
    const wrapper = mount(SkillsEditor, {
      props: { uid: 'u-tech', skills: profile.skills },
      attachTo: document.body,
      global: { plugins: [await i18nFor('en')] },
    })
    // Meanwhile a pull brought a skill added on the laptop.
    const pcr = {
      skillId: 'pcr',
      name: 'PCR',
      category: 'technique' as const,
      level: 'practitioner' as const,
      canTeach: false,
      wantsToLearn: false,
    }
    await appDb.profiles.put({ ...profile, version: 4, skills: [...profile.skills, pcr] })
    await wrapper
      .findAll('button')
      .find((b) => /remove/i.test(b.text()) || /remove/i.test(b.attributes('aria-label') ?? ''))!
      .trigger('click')
    await vi.waitFor(async () => expect(await appDb.outbox.count()).toBe(1))
    const row = await lastRow(appDb, 'u-tech')
    expect(row.payload).toEqual({})
    expect(row.sets).toEqual([{ path: ['skills'], remove: ['cryo'] }])
    expect((await appDb.profiles.get('u-tech'))?.skills.map((s) => s.skillId)).toEqual(['pcr'])
    wrapper.unmount()
  })

  it('the plan form compares with the plan as it loaded, so owners pulled meanwhile are not sent back stale', async () => {
    const plan = server({
      id: 'plan-1',
      title: 'Stage Two plan',
      stage: 'two',
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      phases: {},
      owners: { SG: 'Steering group' },
      status: 'draft',
    }) as unknown as ActionPlan
    await appDb.plans.put(plan)
    const wrapper = mount(PlanEditor, { props: { plan }, attachTo: document.body, global: { plugins: [await i18nFor('en')] } })
    // Another lead's new owner arrives through a pull while this form is open.
    const newer = { ...plan, version: 4, owners: { SG: 'Steering group', HR: 'Human resources' } }
    await appDb.plans.put(newer)
    await wrapper.setProps({ plan: newer })
    await wrapper.find('input').setValue('Stage Two action plan')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(async () => expect(await appDb.outbox.count()).toBe(1))
    const row = await lastRow(appDb, 'plan-1')
    expect(row.payload).toEqual({ title: 'Stage Two action plan' })
    expect(row.sets ?? []).toEqual([])
    expect((await appDb.plans.get('plan-1'))?.owners).toEqual({ SG: 'Steering group', HR: 'Human resources' })
    await flushPromises()
    wrapper.unmount()
  })

  it('a registration step change sends that one step', async () => {
    await appRepos.registrations.create(
      { target: 'RSciTech', steps: { eligibility: 'done' }, competences: {}, feeSupportRequested: false },
      'reg-1',
    )
    await appDb.registrations.update('reg-1', { version: 2 })
    await setStep('reg-1', 'mentor', 'doing')
    const row = await lastRow(appDb, 'reg-1')
    expect(row.op).toBe('patch')
    expect(row.payload).toEqual({})
    expect(row.sets).toEqual([{ path: ['steps'], add: [{ key: 'mentor', value: 'doing' }] }])
  })
})

describe('forms with their own database', () => {
  let db: HubDb
  beforeEach(async () => {
    db = createDb(`forms-${crypto.randomUUID()}`)
    await db.open()
  })
  afterEach(async () => {
    db.close()
    await db.delete()
  })

  it('the CPD entry editor sends only the changed title, keeping a skill linked on another device', async () => {
    const repos = createRepos({ db })
    const loaded = server({
      id: 'cpd-1',
      title: 'Cryo course',
      startDate: '2026-01-05',
      hours: 6,
      type: 'formal',
      skillIds: ['cryo'],
      evidenceIds: [],
    })
    await db.cpd.put(loaded as never)
    await db.cpd.put({ ...loaded, version: 4, skillIds: ['cryo', 'pcr'] } as never) // pulled meanwhile
    const fields = { title: 'Cryo-EM course', startDate: '2026-01-05', hours: 6, type: 'formal' as const, skillIds: ['cryo'] }
    await saveCpdEntry(
      { id: 'cpd-1', fields, draftKey: 'cpd:cpd-1', evidenceIds: [], removedIds: [], loaded: loaded as never },
      { db, repos },
    )
    const row = await lastRow(db, 'cpd-1')
    expect(row.op).toBe('patch')
    expect(row.payload).toEqual({ title: 'Cryo-EM course' })
    expect((await db.cpd.get('cpd-1'))?.skillIds).toEqual(['cryo', 'pcr'])
  })

  it('the survey builder sends the changed title and the one option added, as a patch', async () => {
    const template = workshopTemplate({ today: '2026-11-23', createdByUid: 'lead', newId: () => crypto.randomUUID() }, ['visibility'])
    const site = {
      id: 'q-site',
      type: 'single' as const,
      prompt: 'Which site do you work at?',
      required: false,
      options: ['North', 'South'],
    }
    const survey = await createRepo('surveys', { db }).create({ ...template, questions: [site, ...template.questions] }, 'survey-1')
    await db.surveys.update('survey-1', { version: 2 })
    await db.outbox.clear()
    const scope = effectScope()
    const builder = scope.run(() => useSurveyBuilder(ref('survey-1'), { db, saveDelay: 5 }))!
    await vi.waitFor(() => expect(builder.state.value).toBe('ready'))
    const q = builder.draft.value!.questions.find((x) => x.id === 'q-site')!
    builder.draft.value!.title = 'Workshop: visibility'
    q.options = [...q.options!, 'Another option']
    const saved = await builder.save()
    expect(builder.errors.value).toEqual({})
    expect(saved).toBe(true)
    const row = await lastRow(db, 'survey-1')
    expect(row.op).toBe('patch')
    expect(row.payload).toEqual({ title: 'Workshop: visibility' })
    expect(row.sets).toEqual([{ path: ['questions', q.id, 'options'], add: ['Another option'] }])
    expect(survey.id).toBe('survey-1')
    scope.stop()
    await vi.waitFor(async () => expect(await db.drafts.count()).toBe(0))
  })
})
