import { describe, expect, it } from 'vitest'
import type { Caller } from './collections'
import { mergeMutation, type ServerDoc } from './merge'
import type { Mutation } from './sync'
import { wordsIn } from '../../tests/support/errors'

// Refusals are problems (codes); these tests read them in the English a person sees.
const en = await wordsIn('en')
const worded = <T extends object>(o: T) => ('message' in o ? { ...o, message: en(o.message as string) } : o)

const tech: Caller = { uid: 'u-tech', institutionId: 'inst', role: 'technician' }
const lead: Caller = { uid: 'u-lead', institutionId: 'inst', role: 'lead' }
const stamp = { now: 5_000, mutationId: 'm-00000001' }
const meta = { updatedAt: 4_000, version: 2, deleted: false, lastMutationId: 'm-0' }
/** u-tech's member profile, as its owner keeps it. */
const ada = {
  institutionId: 'inst',
  displayName: 'Ada Example',
  email: 'ada@example.ac.uk',
  role: 'technician',
  visibility: 'institution',
  skills: [],
  joinedAt: 1,
}
const idea = { authorUid: 'u-tech', title: 'Lab open day', body: '', status: 'open', createdAt: 1 }

function mutation(partial: Partial<Mutation>): Mutation {
  return { mutationId: 'm-00000001', collection: 'ideas', docId: 'idea-1', op: 'patch', payload: {}, clientTime: 10, ...partial }
}

function write(outcome: ReturnType<typeof mergeMutation>): ServerDoc {
  if (outcome.kind !== 'write') throw new Error(`expected a write, got ${JSON.stringify(outcome)}`)
  return outcome.doc
}

describe('mergeMutation', () => {
  it('stamps version+1, the commit time and the mutation', () => {
    const doc = write(mergeMutation(tech, mutation({ op: 'put', payload: idea }), null, stamp))
    // createdAt is the server's time too, whatever the payload said.
    expect(doc).toMatchObject({
      ...idea,
      createdAt: 5_000,
      id: 'idea-1',
      version: 1,
      updatedAt: 5_000,
      lastMutationId: 'm-00000001',
      deleted: false,
    })
  })

  it('merges field by field: an older patch does not overwrite a newer field', () => {
    const existing: ServerDoc = { ...meta, id: 'idea-1', ...idea, _clock: { title: 20, body: 5 } }
    const doc = write(mergeMutation(tech, mutation({ payload: { title: 'Older', body: 'Newer body' }, clientTime: 10 }), existing, stamp))
    expect(doc.title).toBe('Lab open day')
    expect(doc.body).toBe('Newer body')
    expect(doc._clock).toEqual({ title: 20, body: 10 })
  })

  it('refuses a technician’s put that would clear a lead’s response by leaving it out', () => {
    const existing: ServerDoc = { ...meta, id: 'idea-1', ...idea, status: 'adopted', response: 'We will run it in June' }
    const { response: _r, ...withoutResponse } = { ...existing }
    const outcome = mergeMutation(tech, mutation({ op: 'put', payload: { ...withoutResponse, title: 'Renamed' } }), existing, stamp)
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'forbidden', field: 'response' })
    expect(write(mergeMutation(lead, mutation({ payload: { response: 'Updated' } }), existing, stamp)).response).toBe('Updated')
  })

  it('takes a lead’s Welsh response to an idea, refuses a technician’s, and keeps older ideas with none valid', () => {
    const existing: ServerDoc = { ...meta, id: 'idea-1', ...idea, status: 'adopted', response: 'We will run it in June' }
    const doc = write(mergeMutation(lead, mutation({ payload: { responseCy: 'Byddwn yn ei gynnal ym mis Mehefin' } }), existing, stamp))
    expect(doc).toMatchObject({ response: 'We will run it in June', responseCy: 'Byddwn yn ei gynnal ym mis Mehefin' })
    expect(mergeMutation(tech, mutation({ payload: { responseCy: 'Ie' } }), existing, stamp)).toMatchObject({
      kind: 'rejected',
      code: 'forbidden',
      field: 'responseCy',
    })
    expect(mergeMutation(tech, mutation({ op: 'put', payload: { ...idea, responseCy: 'Ie' } }), null, stamp)).toMatchObject({
      kind: 'rejected',
    })
    expect(write(mergeMutation(tech, mutation({ payload: { title: 'Renamed' } }), existing, stamp)).responseCy).toBeUndefined()
  })

  it('keeps server-owned fields through a lead’s edit of the institution', () => {
    const existing: ServerDoc = {
      ...meta,
      id: 'inst',
      name: 'Example University',
      emailDomains: ['example.ac.uk'],
      faculties: [],
      sites: [],
      allowUnverified: true,
    }
    const doc = write(
      mergeMutation(lead, mutation({ collection: 'institutions', docId: 'inst', payload: { name: 'Example Uni' } }), existing, stamp),
    )
    expect(doc).toMatchObject({ name: 'Example Uni', allowUnverified: true })
  })

  describe('skill-share requests carry their two readers', () => {
    const request = {
      learnerUid: 'u-tech',
      teacherUid: 'u-teacher',
      skillId: 'pcr',
      skillName: 'PCR',
      message: '',
      format: 'demo',
      state: 'pending',
      history: { pending: 1 },
    }
    const asRequest = (partial: Partial<Mutation>) => mutation({ collection: 'requests', docId: 'req-1', ...partial })
    const teacher: Caller = { uid: 'u-teacher', institutionId: 'inst', role: 'technician' }

    it('sets parties on create, whatever the client sent', () => {
      const doc = write(
        mergeMutation(tech, asRequest({ op: 'put', payload: { ...request, parties: ['u-tech', 'u-someone-else'] } }), null, stamp),
      )
      expect(doc.parties).toEqual(['u-tech', 'u-teacher'])
    })

    it('adds parties to an older document on its next write', () => {
      const existing: ServerDoc = { ...meta, id: 'req-1', ...request }
      expect(
        write(mergeMutation(teacher, asRequest({ payload: { state: 'accepted', history: { pending: 1, accepted: 2 } } }), existing, stamp))
          .parties,
      ).toEqual(['u-tech', 'u-teacher'])
    })

    it('keeps them in the tombstone, so the deletion reaches both', () => {
      const existing: ServerDoc = { ...meta, id: 'req-1', ...request, parties: ['u-tech', 'u-teacher'] }
      const tomb = write(mergeMutation(tech, asRequest({ op: 'delete' }), existing, stamp))
      expect(tomb).toMatchObject({ id: 'req-1', deleted: true, parties: ['u-tech', 'u-teacher'] })
      expect(tomb).not.toHaveProperty('message')
    })

    it('never changes who the parties are, not even for a lead', () => {
      const leadLearner: Caller = { ...lead, uid: 'u-tech' }
      const existing: ServerDoc = { ...meta, id: 'req-1', ...request, parties: ['u-tech', 'u-teacher'] }
      expect(mergeMutation(leadLearner, asRequest({ payload: { teacherUid: 'u-other' } }), existing, stamp)).toMatchObject({
        kind: 'rejected',
        code: 'forbidden',
      })
    })
  })

  it('never resurrects a tombstone with an older write, and keeps nothing in it', () => {
    const tomb: ServerDoc = { ...meta, id: 'idea-1', deleted: true, _deletedAt: 50 }
    expect(mergeMutation(tech, mutation({ op: 'put', payload: idea, clientTime: 40 }), tomb, stamp)).toMatchObject({
      kind: 'rejected',
      code: 'conflict',
    })
    expect(mergeMutation(tech, mutation({ payload: { title: 'x' }, clientTime: 60 }), tomb, stamp)).toMatchObject({
      kind: 'rejected',
      code: 'conflict',
    })
    const deleted = write(mergeMutation(tech, mutation({ op: 'delete' }), { ...meta, id: 'idea-1', ...idea }, stamp))
    expect(Object.keys(deleted).sort()).toEqual(['_deletedAt', 'deleted', 'id', 'lastMutationId', 'updatedAt', 'version'])
  })

  it('keeps RAG history append-only and refuses technicians', () => {
    const change = { actionId: 'a-1', status: 'amber', rationale: '', at: 1, byUid: 'u-lead' }
    const created = write(
      mergeMutation(lead, mutation({ collection: 'ragChanges', docId: 'r-1', op: 'put', payload: change }), null, stamp),
    )
    expect(mergeMutation(lead, mutation({ collection: 'ragChanges', docId: 'r-1', op: 'put', payload: change }), created, stamp)).toEqual({
      kind: 'noop',
    })
    expect(
      mergeMutation(lead, mutation({ collection: 'ragChanges', docId: 'r-1', payload: { status: 'green' } }), created, stamp),
    ).toMatchObject({ code: 'conflict' })
    expect(
      mergeMutation(
        tech,
        mutation({ collection: 'ragChanges', docId: 'r-2', op: 'put', payload: { ...change, byUid: 'u-tech' } }),
        null,
        stamp,
      ),
    ).toMatchObject({ code: 'forbidden' })
    expect(
      mergeMutation(
        lead,
        mutation({ collection: 'ragChanges', docId: 'r-3', op: 'put', payload: { ...change, status: 'red' } }),
        null,
        stamp,
      ),
    ).toMatchObject({ code: 'invalid', field: 'rationale' })
  })

  it('writes the directory projection of a profile, and a tombstone when hidden', () => {
    const profile = { ...ada, gradeBand: 'Grade 6', contract: 'permanent' }
    const existing: ServerDoc = { ...meta, id: 'u-tech', ...profile }
    const visible = mergeMutation(
      tech,
      mutation({ collection: 'profiles', docId: 'u-tech', payload: { bio: 'Mass spec' } }),
      existing,
      stamp,
    )
    if (visible.kind !== 'write') throw new Error('expected write')
    const member = visible.derived[0]?.build(null, stamp)
    expect(member).toMatchObject({ id: 'u-tech', displayName: 'Ada Example', bio: 'Mass spec', deleted: false })
    expect(member).not.toHaveProperty('gradeBand')
    expect(member).not.toHaveProperty('contract')
    const hidden = mergeMutation(
      tech,
      mutation({ collection: 'profiles', docId: 'u-tech', payload: { visibility: 'hidden' } }),
      existing,
      stamp,
    )
    if (hidden.kind !== 'write') throw new Error('expected write')
    expect(hidden.derived[0]?.build(member ?? null, stamp)).toEqual({
      id: 'u-tech',
      deleted: true,
      version: 2,
      updatedAt: 5_000,
      lastMutationId: 'm-00000001',
    })
  })

  it('takes a profile’s faculty, department and site only from the institution’s lists, checking what the write changes', () => {
    const places = {
      faculties: [
        { id: 'sci', name: 'Faculty of Science', departments: ['Chemistry', 'Physics'] },
        { id: 'eng', name: 'Engineering', departments: [] },
      ],
      sites: ['Main Campus'],
    }
    const ctx = { ...stamp, places }
    const existing: ServerDoc = { ...meta, id: 'u-tech', ...ada, facultyId: 'sci', department: 'Chemistry' }
    const patch = (payload: Record<string, unknown>, doc: ServerDoc | null = existing) =>
      mergeMutation(tech, mutation({ collection: 'profiles', docId: 'u-tech', payload }), doc, ctx)

    expect(worded(patch({ facultyId: 'made-up' }))).toMatchObject({
      kind: 'rejected',
      code: 'invalid',
      field: 'facultyId',
      message: 'Choose a faculty from your institution’s list',
    })
    expect(worded(patch({ department: 'Welding' }))).toMatchObject({
      kind: 'rejected',
      field: 'department',
      message: 'Choose a department of Faculty of Science',
    })
    // Moving faculty re-checks the department it keeps.
    expect(patch({ facultyId: 'eng' })).toMatchObject({ kind: 'write' })
    expect(patch({ facultyId: 'sci', department: 'Physics', site: 'North Site' })).toMatchObject({ kind: 'rejected', field: 'site' })
    expect(write(patch({ department: 'Physics', site: 'Main Campus' }))).toMatchObject({ department: 'Physics', site: 'Main Campus' })
    // A faculty the institution has since dropped does not block an edit of something else.
    const dropped: ServerDoc = { ...existing, facultyId: 'old-faculty', department: 'Old department' }
    expect(write(patch({ bio: 'Mass spec' }, dropped))).toMatchObject({ bio: 'Mass spec', facultyId: 'old-faculty' })
    // Where the institution keeps no lists, text is free; without the institution, nothing is checked.
    expect(
      mergeMutation(tech, mutation({ collection: 'profiles', docId: 'u-tech', payload: { facultyId: 'anything' } }), existing, {
        ...stamp,
        places: {},
      }),
    ).toMatchObject({ kind: 'write' })
    expect(
      mergeMutation(tech, mutation({ collection: 'profiles', docId: 'u-tech', payload: { facultyId: 'anything' } }), existing, stamp),
    ).toMatchObject({ kind: 'write' })
  })
})
