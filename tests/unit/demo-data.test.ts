import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { COLLECTIONS, docPath } from '@/domain/collections'
import {
  DEMO_ACCOUNTS,
  DEMO_INSTITUTION_ID,
  DEMO_PASSWORD,
  DEMO_SKILLS,
  demoDocuments,
  generateDemoData,
} from '../../scripts/demo/demo-data'

const NOW = Date.UTC(2026, 10, 23, 9)
const data = generateDemoData({ now: NOW })

describe('demo data', () => {
  it('every document passes its collection schema', () => {
    const docs = demoDocuments(data)
    expect(docs.length).toBeGreaterThan(100)
    for (const d of docs) {
      const res = v.safeParse(COLLECTIONS[d.collection].schema, d.doc)
      if (!res.success) throw new Error(`${d.collection}/${d.id}: ${res.issues.map((i) => i.message).join('; ')}`)
    }
  })

  it('stores full profiles in the owner tree and only visible projections in the directory', () => {
    const docs = demoDocuments(data)
    const profiles = docs.filter((d) => d.collection === 'profiles')
    const directory = docs.filter((d) => d.collection === 'members')
    expect(profiles).toHaveLength(data.members.length)
    for (const p of profiles) expect(p.uid).toBe(p.id)
    const hidden = data.members.filter((m) => m.visibility === 'hidden').map((m) => m.id)
    expect(directory.map((d) => d.id).sort()).toEqual(
      data.members
        .map((m) => m.id)
        .filter((id) => !hidden.includes(id))
        .sort(),
    )
    for (const d of directory) expect(d.doc).not.toHaveProperty('gradeBand')
  })

  it('stores requests as the server does: readable by their two parties only, and no join-code hash on the institution', () => {
    for (const r of data.requests) expect(r.parties).toEqual([r.learnerUid, r.teacherUid])
    expect(data.institution).not.toHaveProperty('joinCodeHashes')
  })

  it('has the documented shape and sizes', () => {
    expect(data.institution.id).toBe(DEMO_INSTITUTION_ID)
    expect(data.institution.faculties.length).toBeGreaterThanOrEqual(3)
    expect(data.institution.faculties.length).toBeLessThanOrEqual(5)
    expect(data.members).toHaveLength(36)
    expect(data.members.filter((m) => m.visibility === 'hidden').length).toBeGreaterThanOrEqual(2)
    expect(data.plans).toHaveLength(1)
    expect(Object.keys(data.plans[0]!.phases)).toEqual(['P1', 'P2', 'P3'])
    expect(data.actions.length).toBeGreaterThanOrEqual(12)
    const prefixes = new Set(data.actions.map((a) => a.code.match(/^[A-Z]+/)![0]))
    expect([...prefixes].sort()).toEqual(['A', 'CD', 'R', 'S', 'V'])
    expect(data.actions.some((a) => a.code === 'V1 ii' && a.parentId === 'act-v1')).toBe(true)
    expect(data.actions.some((a) => a.measures.some((m) => m.baseline === 148))).toBe(true)
    expect(data.actions.some((a) => a.measures.some((m) => m.baseline === 9 && m.target === 14))).toBe(true)
    expect(data.surveys.filter((s) => s.status === 'open')).toHaveLength(1)
    expect(data.ideas.length).toBeGreaterThan(0)
    expect(data.comments.length).toBeGreaterThan(0)
    expect(data.votes.length).toBeGreaterThan(0)
    for (const a of DEMO_ACCOUNTS) expect(data.cpdByUid[a.uid]?.length).toBeGreaterThan(0)
  })

  it('has a RAG history: several changes per action, every red explained, in time order, never in the future', () => {
    const byAction = new Map<string, typeof data.ragChanges>()
    for (const c of data.ragChanges) byAction.set(c.actionId, [...(byAction.get(c.actionId) ?? []), c])
    for (const a of data.actions) expect(byAction.get(a.id)?.length ?? 0).toBeGreaterThanOrEqual(1)
    expect([...byAction.values()].filter((cs) => cs.length >= 2).length).toBeGreaterThanOrEqual(8)
    const reds = data.ragChanges.filter((c) => c.status === 'red')
    expect(reds.length).toBeGreaterThanOrEqual(3)
    for (const r of reds) expect(r.rationale.trim()).not.toBe('')
    for (const cs of byAction.values()) {
      const times = cs.map((c) => c.at)
      expect(times).toEqual([...times].sort((x, y) => x - y))
      expect(new Set(times).size).toBe(times.length)
    }
    for (const c of data.ragChanges) expect(c.at).toBeLessThan(NOW)
  })

  it('is deterministic for the same options and varies with the seed', () => {
    expect(generateDemoData({ now: NOW })).toEqual(data)
    const other = generateDemoData({ now: NOW, seed: 7 })
    expect(other.members.map((m) => m.displayName)).not.toEqual(data.members.map((m) => m.displayName))
  })

  it('uses only example.ac.uk addresses, unique emails and unique ids', () => {
    const big = generateDemoData({ now: NOW, members: 2000 })
    for (const d of [data, big]) {
      for (const m of d.members) expect(m.email).toMatch(/^[a-z0-9.]+@example\.ac\.uk$/)
      for (const u of d.users) expect(u.email.endsWith('@example.ac.uk')).toBe(true)
      expect(new Set(d.members.map((m) => m.email)).size).toBe(d.members.length)
      const paths = demoDocuments(d).map((x) => docPath(x.collection, { institutionId: DEMO_INSTITUTION_ID, uid: x.uid }, x.id))
      expect(new Set(paths).size).toBe(paths.length)
    }
    expect(data.institution.emailDomains).toEqual(['example.ac.uk'])
  })

  it('demo sign-ins exist with roles, and users match members', () => {
    for (const a of DEMO_ACCOUNTS) {
      const u = data.users.find((x) => x.email === a.email)
      expect(u).toMatchObject({ uid: a.uid, role: a.role, password: DEMO_PASSWORD })
      expect(data.members.find((m) => m.id === a.uid)?.role).toBe(a.role)
    }
    expect(data.users.map((u) => u.uid)).toEqual(data.members.map((m) => m.id))
  })

  it('keeps references consistent (votes, comments, requests, skills)', () => {
    const memberIds = new Set(data.members.map((m) => m.id))
    const ideaIds = new Set(data.ideas.map((i) => i.id))
    const actionIds = new Set(data.actions.map((a) => a.id))
    const skillIds = new Set(DEMO_SKILLS.map((s) => s.id))
    for (const vote of data.votes) {
      expect(vote.id).toBe(`${vote.ideaId}__${vote.voterUid}`)
      expect(ideaIds.has(vote.ideaId) && memberIds.has(vote.voterUid)).toBe(true)
    }
    for (const c of data.comments) {
      expect(memberIds.has(c.authorUid)).toBe(true)
      expect((c.targetType === 'idea' ? ideaIds : actionIds).has(c.targetId)).toBe(true)
    }
    for (const r of data.requests) {
      expect(memberIds.has(r.learnerUid) && memberIds.has(r.teacherUid)).toBe(true)
      expect(r.learnerUid).not.toBe(r.teacherUid)
      expect(r.history[r.state]).toBeTypeOf('number')
    }
    for (const m of data.members) for (const s of m.skills) expect(skillIds.has(s.skillId)).toBe(true)
    for (const rc of data.ragChanges) expect(actionIds.has(rc.actionId)).toBe(true)
  })

  it('generates 10,000 distinct members for the benchmarks', () => {
    // How fast is for `npm run bench` to report, not for a test to assert.
    const big = generateDemoData({ now: NOW, members: 10_000 })
    expect(big.members).toHaveLength(10_000)
    expect(new Set(big.members.map((m) => m.id)).size).toBe(10_000)
    expect(new Set(big.members.map((m) => m.email)).size).toBe(10_000)
  })
})
