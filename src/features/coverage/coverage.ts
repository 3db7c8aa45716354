/**
 * Skills coverage for leads, per department, from the directory: skills only one person holds
 * (single points of failure), skills held or wanted that no one in the department can teach, and
 * the most wanted skills. Built from `members`, so hidden profiles never count (nor show).
 */
import type { Institution, Member, MemberSkill } from '@/domain/entities'
import { isListed } from '@/search/directory-index'
import { toCsv } from '@/domain/csv'

export interface SkillCount {
  skillId: string
  name: string
  /** People in the department who hold it (practitioner or expert). */
  holders: number
  teachers: number
  wanted: number
  /** People anywhere in the institution who can teach it. */
  teachersElsewhere: number
}

export interface DepartmentCoverage {
  key: string
  /** The faculty's name (its id when the institution does not list it); null when not given. */
  faculty: string | null
  /** Null when not given. */
  department: string | null
  people: number
  /** Held by exactly one person; `holder` is who. */
  singlePoints: (SkillCount & { holder: string })[]
  /** Held or wanted here, but no one here can teach it. */
  noTeacher: SkillCount[]
  /** Wanted by someone here, most wanted first (at most 5). */
  mostWanted: SkillCount[]
}

const holds = (s: MemberSkill) => s.level !== 'learning'
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
/** Named groups first (alphabetically), then the one with no name given. */
const byGiven = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.localeCompare(b))

/** Coverage of each department with listed members, by faculty then department. */
export function departmentCoverage(members: readonly Member[], institution: Pick<Institution, 'id' | 'faculties'> | undefined): DepartmentCoverage[] {
  const listed = members.filter((m) => isListed(m, institution?.id))
  const teachersAnywhere = new Map<string, number>()
  for (const m of listed) for (const s of m.skills) if (s.canTeach) teachersAnywhere.set(s.skillId, (teachersAnywhere.get(s.skillId) ?? 0) + 1)
  const facultyName = (id: string | undefined) => institution?.faculties.find((f) => f.id === id)?.name ?? (id ? id : null)

  const groups = new Map<string, Member[]>()
  for (const m of listed) {
    const key = `${m.facultyId ?? ''}|${m.department ?? ''}`
    groups.set(key, [...(groups.get(key) ?? []), m])
  }
  const out: DepartmentCoverage[] = []
  for (const [key, people] of groups) {
    const counts = new Map<string, SkillCount & { holder: string }>()
    for (const m of people) {
      for (const s of m.skills) {
        const c = counts.get(s.skillId) ?? { skillId: s.skillId, name: s.name, holders: 0, teachers: 0, wanted: 0, teachersElsewhere: teachersAnywhere.get(s.skillId) ?? 0, holder: '' }
        if (holds(s)) {
          c.holders++
          c.holder = m.displayName
        }
        if (s.canTeach) c.teachers++
        if (s.wantsToLearn) c.wanted++
        counts.set(s.skillId, c)
      }
    }
    const all = [...counts.values()]
    const first = people[0]!
    out.push({
      key,
      faculty: facultyName(first.facultyId),
      department: first.department || null,
      people: people.length,
      singlePoints: all.filter((c) => c.holders === 1).sort(byName),
      noTeacher: all.filter((c) => c.teachers === 0).map(({ holder: _h, ...c }) => c).sort(byName),
      mostWanted: all.filter((c) => c.wanted > 0).map(({ holder: _h, ...c }) => c).sort((a, b) => b.wanted - a.wanted || byName(a, b)).slice(0, 5),
    })
  }
  return out.sort((a, b) => byGiven(a.faculty, b.faculty) || byGiven(a.department, b.department))
}

const CSV_COLUMNS = ['faculty', 'department', 'people', 'finding', 'skill', 'holdersHere', 'teachHere', 'wantHere', 'teachAnywhere', 'onlyHolder']

/** The coverage as one CSV table: one row per finding, headed and worded in the language of `t`. */
export function coverageCsv(coverage: readonly DepartmentCoverage[], t: (key: string) => string): string {
  const rows: (string | number)[][] = [CSV_COLUMNS.map((c) => t(`coverage.csv.${c}`))]
  for (const d of coverage) {
    const faculty = d.faculty ?? t('coverage.noFaculty')
    const department = d.department ?? t('coverage.noDepartment')
    const row = (finding: string, c: SkillCount, holder = '') =>
      rows.push([faculty, department, d.people, t(`coverage.csv.${finding}`), c.name, c.holders, c.teachers, c.wanted, c.teachersElsewhere, holder])
    for (const c of d.singlePoints) row('singlePoint', c, c.holder)
    for (const c of d.noTeacher) row('noTeacher', c)
    for (const c of d.mostWanted) row('mostWanted', c)
  }
  return toCsv(rows)
}
