/**
 * The shared skills taxonomy: techniques, equipment, software, safety and compliance, teaching
 * support and soft skills, each with the synonyms technicians actually type, so "PCR" and
 * "polymerase chain reaction" are one skill in the directory. Anything not listed becomes a free
 * tag (`tag:<slug>`).
 */
import type { SKILL_CATEGORIES } from './entities'

export type SkillCategory = (typeof SKILL_CATEGORIES)[number]

export interface TaxonomySkill {
  id: string
  name: string
  category: SkillCategory
  synonyms: readonly string[]
}

type Row = readonly [id: string, name: string, synonyms?: readonly string[]]

const group = (category: SkillCategory, rows: readonly Row[]): TaxonomySkill[] =>
  rows.map(([id, name, synonyms = []]) => ({ id, name, category, synonyms }))

/** Every skill in the taxonomy. Ids are stable: they are stored on profiles and CPD entries. */
export const SKILLS: readonly TaxonomySkill[] = [
  ...group('technique', [
    ['pcr', 'PCR', ['polymerase chain reaction', 'end-point PCR']],
    ['qpcr', 'qPCR', ['quantitative PCR', 'real-time PCR', 'RT-qPCR', 'RT-PCR']],
    ['western-blot', 'Western blotting', ['western blot', 'immunoblot', 'immunoblotting']],
    ['elisa', 'ELISA', ['enzyme-linked immunosorbent assay']],
    ['cell-culture', 'Cell culture', ['tissue culture', 'mammalian cell culture', 'cell line maintenance']],
    ['aseptic-technique', 'Aseptic technique', ['sterile technique', 'sterile working']],
    ['flow-cytometry', 'Flow cytometry', ['FACS', 'cell sorting']],
    ['nucleic-acid-extraction', 'Nucleic acid extraction', ['DNA extraction', 'RNA extraction', 'DNA isolation']],
    ['gel-electrophoresis', 'Gel electrophoresis', ['agarose gel', 'SDS-PAGE', 'PAGE']],
    ['crispr', 'CRISPR gene editing', ['CRISPR', 'CRISPR-Cas9', 'gene editing']],
    ['histology', 'Histology', ['tissue sectioning', 'histological staining', 'microtomy']],
    ['immunohistochemistry', 'Immunohistochemistry', ['IHC', 'immunostaining']],
    ['microbiology', 'Microbiology', ['bacterial culture', 'microbial culture']],
    ['animal-handling', 'Animal handling', ['animal husbandry', 'animal care', 'in vivo work']],
    ['titration', 'Titration', ['volumetric analysis']],
    ['sample-preparation', 'Sample preparation', ['sample prep']],
    ['field-sampling', 'Fieldwork and sampling', ['fieldwork', 'field sampling', 'field work']],
    ['soldering', 'Soldering', ['electronics soldering', 'PCB assembly']],
    ['welding', 'Welding', ['TIG welding', 'MIG welding', 'arc welding']],
    ['machining', 'Machining', ['turning', 'milling', 'fitting']],
    ['woodworking', 'Woodworking', ['joinery', 'carpentry']],
    ['glassblowing', 'Scientific glassblowing', ['glassblowing', 'glass working']],
    ['photography', 'Photography', ['studio photography', 'scientific photography']],
    ['printmaking', 'Printmaking', ['screen printing', 'etching', 'letterpress']],
    ['ceramics', 'Ceramics', ['pottery', 'kiln firing']],
    ['garment-construction', 'Garment construction', ['sewing', 'pattern cutting', 'tailoring']],
  ]),
  ...group('equipment', [
    ['confocal-microscope', 'Confocal microscope', ['confocal microscopy', 'laser scanning microscope']],
    [
      'electron-microscope',
      'Electron microscope',
      ['electron microscopy', 'SEM', 'TEM', 'scanning electron microscope', 'transmission electron microscope'],
    ],
    ['hplc', 'HPLC', ['high performance liquid chromatography', 'high-pressure liquid chromatography', 'liquid chromatography']],
    ['mass-spectrometer', 'Mass spectrometer', ['mass spectrometry', 'mass spec', 'LC-MS', 'GC-MS']],
    ['nmr', 'NMR spectrometer', ['NMR', 'nuclear magnetic resonance']],
    ['xrd', 'X-ray diffractometer', ['XRD', 'X-ray diffraction', 'powder diffraction']],
    ['ftir', 'FTIR spectrometer', ['FTIR', 'infrared spectroscopy', 'IR spectroscopy']],
    ['spectrophotometer', 'Spectrophotometer', ['UV-Vis', 'UV-Vis spectroscopy', 'NanoDrop']],
    ['plate-reader', 'Microplate reader', ['plate reader']],
    ['flow-cytometer', 'Flow cytometer', ['cell sorter', 'FACS machine']],
    ['sequencer', 'DNA sequencer', ['next generation sequencing', 'NGS', 'Illumina sequencer']],
    ['thermal-cycler', 'Thermal cycler', ['PCR machine', 'thermocycler']],
    ['centrifuge', 'Centrifuge', ['ultracentrifuge', 'microcentrifuge']],
    ['autoclave', 'Autoclave', ['steam steriliser', 'steam sterilizer']],
    ['cnc-machine', 'CNC machine', ['CNC', 'CNC milling', 'CNC lathe', 'computer numerical control']],
    ['lathe', 'Lathe', ['manual lathe', 'centre lathe', 'center lathe']],
    ['laser-cutter', 'Laser cutter', ['laser cutting', 'laser engraver']],
    ['3d-printer', '3D printer', ['3D printing', 'additive manufacturing', 'FDM printer', 'SLA printer']],
    ['afm', 'Atomic force microscope', ['AFM', 'atomic force microscopy']],
    ['oscilloscope', 'Oscilloscope', []],
    ['kiln', 'Kiln', ['electric kiln', 'gas kiln']],
  ]),
  ...group('software', [
    ['python', 'Python', ['Python programming', 'pandas', 'Jupyter']],
    ['r', 'R', ['R programming', 'RStudio']],
    ['matlab', 'MATLAB', ['Simulink']],
    ['labview', 'LabVIEW', []],
    ['imagej', 'ImageJ / Fiji', ['ImageJ', 'Fiji']],
    ['prism', 'GraphPad Prism', ['Prism', 'GraphPad']],
    ['spss', 'SPSS', ['IBM SPSS']],
    ['excel', 'Microsoft Excel', ['Excel', 'spreadsheets']],
    ['cad', 'CAD', ['computer-aided design', 'AutoCAD']],
    ['solidworks', 'SolidWorks', []],
    ['fusion-360', 'Fusion 360', ['Autodesk Fusion']],
    ['lims', 'LIMS', ['laboratory information management system']],
    ['git', 'Git', ['version control', 'GitHub', 'GitLab']],
    ['linux', 'Linux', ['Unix', 'bash', 'command line']],
    ['sql', 'SQL', ['databases', 'MySQL', 'PostgreSQL']],
    ['adobe-creative', 'Adobe Creative Cloud', ['Photoshop', 'Illustrator', 'InDesign', 'Premiere Pro']],
    ['arduino', 'Arduino', ['microcontrollers', 'Raspberry Pi']],
  ]),
  ...group('safety', [
    ['coshh', 'COSHH assessment', ['COSHH', 'control of substances hazardous to health']],
    ['risk-assessment', 'Risk assessment', ['risk assessments']],
    ['first-aid', 'First aid', ['first aider', 'first aid at work']],
    ['fire-warden', 'Fire warden', ['fire marshal', 'fire safety']],
    [
      'radiation-protection',
      'Radiation protection',
      ['ionising radiation', 'ionizing radiation', 'radiation protection supervisor', 'RPS'],
    ],
    ['biosafety', 'Biological safety', ['biosafety', 'containment level 2', 'containment level 3', 'CL2', 'CL3']],
    ['laser-safety', 'Laser safety', ['laser protection adviser', 'laser safety officer']],
    ['manual-handling', 'Manual handling', []],
    ['pat-testing', 'PAT testing', ['portable appliance testing', 'electrical safety testing']],
    ['lev', 'LEV testing', ['local exhaust ventilation', 'fume cupboard testing']],
    ['cryogenics', 'Cryogen handling', ['liquid nitrogen', 'cryogenics', 'compressed gases']],
    ['waste-management', 'Hazardous waste management', ['waste disposal', 'hazardous waste', 'chemical waste']],
  ]),
  ...group('teaching', [
    ['lab-demonstrating', 'Lab demonstrating', ['demonstrating', 'teaching labs', 'practical teaching']],
    ['practical-preparation', 'Practical class preparation', ['class prep', 'practical prep', 'teaching lab preparation']],
    ['student-supervision', 'Student project supervision', ['project supervision', 'supervising students']],
    ['equipment-induction', 'Equipment inductions', ['inductions', 'equipment training', 'user training']],
    ['workshop-instruction', 'Workshop instruction', ['workshop teaching', 'studio instruction']],
    ['assessment-marking', 'Assessment and marking', ['marking', 'assessment']],
    ['outreach', 'Outreach and public engagement', ['outreach', 'public engagement', 'schools outreach', 'open days']],
    ['e-learning', 'E-learning and VLE', ['VLE', 'Moodle', 'Blackboard', 'Canvas']],
    ['instructional-video', 'Instructional video', ['video tutorials', 'how-to videos']],
  ]),
  ...group('soft', [
    ['mentoring', 'Mentoring', ['mentor', 'buddying']],
    ['coaching', 'Coaching', []],
    ['project-management', 'Project management', ['PRINCE2', 'project planning']],
    ['line-management', 'Line management', ['people management', 'managing staff']],
    ['presentation', 'Presentation skills', ['presenting', 'public speaking']],
    ['leadership', 'Leadership', ['team leadership']],
    ['budgeting', 'Budget management', ['budgeting', 'financial management']],
    ['procurement', 'Procurement', ['purchasing', 'tendering']],
    ['technical-writing', 'Technical writing', ['report writing', 'writing SOPs', 'SOP writing']],
    ['edi', 'Equality, diversity and inclusion', ['EDI', 'equality and diversity']],
  ]),
]

/**
 * Text as the directory compares it: lower case, accents removed, punctuation to spaces (keeping
 * `+` and `#` so "C++" and "C#" survive), single spaces, trimmed.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim()
}

/** The same text with spaces removed, so "X-ray", "x ray" and "xray" meet. */
const compact = (text: string) => normalise(text).replace(/ /g, '')

const byKey = new Map<string, TaxonomySkill>()
for (const skill of SKILLS) {
  for (const term of [skill.name, ...skill.synonyms]) {
    for (const key of [normalise(term), compact(term)]) if (!byKey.has(key)) byKey.set(key, skill)
  }
}
const byId = new Map(SKILLS.map((s) => [s.id, s]))

/** A taxonomy skill by its id. */
export function skillById(id: string): TaxonomySkill | undefined {
  return byId.get(id)
}

export type ResolvedSkill =
  { kind: 'taxonomy'; id: string; name: string; category: SkillCategory } | { kind: 'tag'; id: string; name: string }

/** The longest slug a tag may have: `tag:` plus this fits the 80-character skill id. */
const MAX_SLUG = 76

/**
 * Maps what someone typed to one taxonomy skill (by name or synonym, any case or punctuation), or
 * else to a free tag `tag:<slug>` keeping their wording as its name. Null for blank input.
 */
export function resolveSkill(text: string): ResolvedSkill | null {
  const name = text.trim().replace(/\s+/g, ' ')
  if (!normalise(name)) return null
  const skill = byKey.get(normalise(name)) ?? byKey.get(compact(name))
  if (skill) return { kind: 'taxonomy', id: skill.id, name: skill.name, category: skill.category }
  const tagName = name.slice(0, 80)
  return { kind: 'tag', id: `tag:${slugify(tagName)}`, name: tagName }
}

/** An id-safe slug of letters, digits and hyphens: `C++ (advanced)` → `c-plus-plus-advanced`. Other scripts are kept. */
export function slugify(text: string): string {
  const slug = normalise(text.replace(/\+/g, ' plus ').replace(/#/g, ' sharp '))
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim()
    .replace(/ +/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '')
  return slug || 'skill'
}

/**
 * Type-ahead over the taxonomy: skills whose name or a synonym starts with (best) or contains the
 * query, each once, best matches first.
 */
export function searchSkills(query: string, limit = 8): TaxonomySkill[] {
  const q = normalise(query)
  if (!q) return []
  const scored: { skill: TaxonomySkill; score: number }[] = []
  for (const skill of SKILLS) {
    let best = 0
    for (const [k, term] of [skill.name, ...skill.synonyms].entries()) {
      const t = normalise(term)
      const score = t === q ? 4 : t.startsWith(q) ? 3 : t.split(' ').some((w) => w.startsWith(q)) ? 2 : t.includes(q) ? 1 : 0
      // The skill's own name beats a synonym of another skill at the same score.
      best = Math.max(best, score + (k === 0 && score > 0 ? 0.5 : 0))
    }
    if (best > 0) scored.push({ skill, score: best })
  }
  return scored
    .sort((a, b) => b.score - a.score || a.skill.name.localeCompare(b.skill.name))
    .slice(0, limit)
    .map((s) => s.skill)
}
