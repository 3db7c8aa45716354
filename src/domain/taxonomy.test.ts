import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { MemberSkillSchema, SKILL_CATEGORIES } from './entities'
import { normalise, resolveSkill, searchSkills, skillById, SKILLS, slugify } from './taxonomy'

describe('SKILLS', () => {
  it('has about 80+ skills across every category, with unique ids', () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(80)
    for (const c of SKILL_CATEGORIES) expect(SKILLS.filter((s) => s.category === c).length).toBeGreaterThanOrEqual(8)
    expect(new Set(SKILLS.map((s) => s.id)).size).toBe(SKILLS.length)
    for (const s of SKILLS) expect(s.id).toMatch(/^[a-z0-9-]+$/)
  })

  it('never gives one name or synonym to two skills', () => {
    const owner = new Map<string, string>()
    for (const s of SKILLS) {
      for (const term of [s.name, ...s.synonyms]) {
        const key = normalise(term)
        expect(owner.get(key) ?? s.id, `"${term}"`).toBe(s.id)
        owner.set(key, s.id)
      }
    }
  })

  it('makes a valid member skill from every entry', () => {
    for (const s of SKILLS) {
      const parsed = v.safeParse(MemberSkillSchema, {
        skillId: s.id,
        name: s.name,
        category: s.category,
        level: 'learning',
        canTeach: false,
        wantsToLearn: true,
      })
      expect(parsed.success, s.id).toBe(true)
    }
  })
})

describe('normalise', () => {
  it('lowers case, strips accents and punctuation, keeps + and #', () => {
    expect(normalise('  Polymerase   Chain-Reaction! ')).toBe('polymerase chain reaction')
    expect(normalise('Café Crème')).toBe('cafe creme')
    expect(normalise('C++ and C#')).toBe('c++ and c#')
  })
  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalise(normalise(s))).toBe(normalise(s))
      }),
    )
  })
})

describe('resolveSkill', () => {
  it('maps synonyms and case to one skill', () => {
    expect(resolveSkill('polymerase chain reaction')).toEqual({ kind: 'taxonomy', id: 'pcr', name: 'PCR', category: 'technique' })
    expect(resolveSkill('pcr')?.id).toBe('pcr')
    expect(resolveSkill('Real-Time PCR')?.id).toBe('qpcr')
    expect(resolveSkill('SEM')?.id).toBe('electron-microscope')
    expect(resolveSkill('xray diffraction')?.id).toBe('xrd')
    expect(resolveSkill('coshh')).toMatchObject({ id: 'coshh', category: 'safety' })
    expect(resolveSkill('r')?.id).toBe('r')
  })

  it('turns anything else into a free tag keeping the wording', () => {
    expect(resolveSkill('  Bookbinding   by hand ')).toEqual({ kind: 'tag', id: 'tag:bookbinding-by-hand', name: 'Bookbinding by hand' })
    expect(resolveSkill('C++')).toEqual({ kind: 'tag', id: 'tag:c-plus-plus', name: 'C++' })
  })

  it('gives nothing for blank input', () => {
    expect(resolveSkill('   ')).toBeNull()
    expect(resolveSkill('!!!')).toBeNull()
  })

  it('always yields an id and name the member skill schema accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = resolveSkill(text)
        if (!r) return
        const category = r.kind === 'taxonomy' ? r.category : 'technique'
        const parsed = v.safeParse(MemberSkillSchema, {
          skillId: r.id,
          name: r.name,
          category,
          level: 'expert',
          canTeach: true,
          wantsToLearn: false,
        })
        expect(parsed.success).toBe(true)
        expect(resolveSkill(r.name)?.id).toBe(r.id)
      }),
    )
  })
})

describe('slugify and skillById', () => {
  it('makes id-safe slugs', () => {
    expect(slugify('C# (advanced)')).toBe('c-sharp-advanced')
    expect(slugify('Gwaith coed – Ŵyl')).toBe('gwaith-coed-wyl')
    expect(slugify('電子顕微鏡')).toBe('電子顕微鏡')
    expect(slugify('———')).toBe('skill')
    expect(slugify('a'.repeat(200))).toHaveLength(76)
  })
  it('finds a skill by id', () => {
    expect(skillById('hplc')?.name).toBe('HPLC')
    expect(skillById('nope')).toBeUndefined()
  })
})

describe('searchSkills', () => {
  it('ranks exact and prefix matches first, each skill once', () => {
    const hits = searchSkills('pcr').map((s) => s.id)
    expect(hits[0]).toBe('pcr')
    expect(hits).toContain('qpcr')
    expect(new Set(hits).size).toBe(hits.length)
    expect(searchSkills('micro').map((s) => s.id)).toContain('microbiology')
    expect(searchSkills('chromatography').map((s) => s.id)).toEqual(['hplc'])
    expect(searchSkills('')).toEqual([])
    expect(searchSkills('a', 3)).toHaveLength(3)
  })
})
