/**
 * Survey templates: the technician-voice workshop (Leicester: per theme, the theme statement, then
 * "what questions does this raise?", "what are the barriers?", "what would good look like?"), a
 * pulse survey, and feedback on a draft action plan (one question per action, as Leeds circulated
 * its drafts). Pure: pass today's date, the author and (for tests) an id generator.
 *
 * Every template is written in English and Welsh (titleCy, descriptionCy, a section's titleCy, a
 * question's promptCy/helpCy/optionsCy; Likert questions on the default scale need no Welsh labels),
 * so a survey created from one starts with no Welsh missing, whichever language the organiser uses.
 * The only exception is plan feedback on an action with no Welsh activity: its question has no Welsh
 * until the organiser writes it (the builder lists it).
 */
import type { PlanAction, Question, Survey } from '@/domain/entities'
import { addDays } from '@/domain/rules/dates'
import { newId as defaultNewId } from '@/domain/ids'
import { DEFAULT_LIKERT_LABELS } from './rules'

/** A survey's editable fields (what the builder edits and the repository stores). */
export type SurveyDraft = Omit<Survey, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

export type WorkshopTheme = 'visibility' | 'recognition' | 'career' | 'sustainability'

/** The four themes of the Technician Commitment with a workshop statement each. */
export const WORKSHOP_THEMES: Record<WorkshopTheme, { title: string; statement: string; titleCy: string; statementCy: string }> = {
  visibility: {
    title: 'Visibility',
    statement: 'Every technician is known and valued across the institution, not only by their own team.',
    titleCy: 'Gwelededd',
    statementCy: 'Mae pob technegydd yn cael ei adnabod a’i werthfawrogi ar draws y sefydliad, nid yn unig gan ei dîm ei hun.',
  },
  recognition: {
    title: 'Recognition',
    statement: 'Technicians are supported to gain recognition, including through professional registration.',
    titleCy: 'Cydnabyddiaeth',
    statementCy: 'Mae technegwyr yn cael cymorth i ennill cydnabyddiaeth, gan gynnwys drwy gofrestru proffesiynol.',
  },
  career: {
    title: 'Career development',
    statement: 'Every technician has a clear route to develop and progress, with time set aside to do so.',
    titleCy: 'Datblygu gyrfa',
    statementCy: 'Mae gan bob technegydd lwybr clir i ddatblygu a symud ymlaen, gydag amser wedi’i neilltuo i wneud hynny.',
  },
  sustainability: {
    title: 'Sustainability',
    statement: 'Skills are shared and passed on so that no specialist skill depends on one person.',
    titleCy: 'Cynaliadwyedd',
    statementCy: 'Caiff sgiliau eu rhannu a’u trosglwyddo fel nad oes unrhyw sgil arbenigol yn dibynnu ar un person.',
  },
}

export type TemplateId = 'workshop' | 'pulse' | 'plan-feedback' | 'blank'

export const TEMPLATES: readonly { id: TemplateId; name: string; description: string }[] = [
  {
    id: 'workshop',
    name: 'Technician voice workshop',
    description: 'Per theme: the theme statement, what questions it raises, the barriers, and what good would look like.',
  },
  { id: 'pulse', name: 'Pulse survey', description: 'Five quick questions on how technicians feel now, to repeat each term.' },
  {
    id: 'plan-feedback',
    name: 'Feedback on the draft action plan',
    description: 'One question per action of the plan, grouped by theme, plus what is missing.',
  },
  { id: 'blank', name: 'Blank survey', description: 'Start from one question and build your own.' },
]

export interface TemplateContext {
  /** Today as an ISO date: the survey opens today and closes four weeks later. */
  today: string
  createdByUid: string
  newId?: () => string
}

function base(
  ctx: TemplateContext,
  title: string,
  description: string,
  titleCy: string,
  descriptionCy: string,
): Omit<SurveyDraft, 'questions' | 'sections'> {
  return {
    title,
    titleCy,
    description,
    ...(descriptionCy ? { descriptionCy } : {}),
    audience: { facultyIds: [], roleFamilies: [] },
    anonymous: true,
    allowEdit: false,
    opensAt: ctx.today,
    closesAt: addDays(ctx.today, 28),
    status: 'draft',
    createdByUid: ctx.createdByUid,
  }
}

/** The workshop, one section per chosen theme with the four questions. */
export function workshopTemplate(
  ctx: TemplateContext,
  themes: readonly WorkshopTheme[] = ['visibility', 'recognition', 'career', 'sustainability'],
): SurveyDraft {
  const id = ctx.newId ?? defaultNewId
  const chosen = themes.length > 0 ? themes : (['visibility'] as const)
  const sections = chosen.map((t) => ({ id: id(), title: WORKSHOP_THEMES[t].title, titleCy: WORKSHOP_THEMES[t].titleCy }))
  const questions: Question[] = chosen.flatMap((t, i) => {
    const { statement, statementCy } = WORKSHOP_THEMES[t]
    const sectionId = sections[i]!.id
    return [
      {
        id: id(),
        type: 'likert',
        prompt: `“${statement}” This is true for me today.`,
        promptCy: `“${statementCy}” Mae hyn yn wir i mi heddiw.`,
        help: 'The theme statement: how far do you agree?',
        helpCy: 'Datganiad y thema: i ba raddau rydych chi’n cytuno?',
        required: true,
        options: [...DEFAULT_LIKERT_LABELS],
        sectionId,
      },
      {
        id: id(),
        type: 'long',
        prompt: 'In relation to this theme, what questions does this raise?',
        promptCy: 'O ran y thema hon, pa gwestiynau y mae hyn yn eu codi?',
        help: statement,
        helpCy: statementCy,
        required: false,
        sectionId,
      },
      {
        id: id(),
        type: 'long',
        prompt: 'What are the barriers or issues that would get in the way of this happening?',
        promptCy: 'Beth yw’r rhwystrau neu’r problemau a fyddai’n atal hyn rhag digwydd?',
        required: false,
        sectionId,
      },
      {
        id: id(),
        type: 'long',
        prompt: 'What would good look like if we did this well?',
        promptCy: 'Sut beth fyddai llwyddiant pe baen ni’n gwneud hyn yn dda?',
        required: false,
        sectionId,
      },
    ]
  })
  const names = chosen.map((t) => WORKSHOP_THEMES[t].title)
  const namesCy = chosen.map((t) => WORKSHOP_THEMES[t].titleCy)
  return {
    ...base(
      ctx,
      `Technician voice workshop: ${names.length === 4 ? 'all themes' : names.join(', ')}`,
      'For each theme, tell us what questions it raises, what gets in the way and what good would look like. Anonymous: answers are reported only in aggregate, and groups under 5 are never shown.',
      `Gweithdy llais y technegwyr: ${namesCy.length === 4 ? 'pob thema' : namesCy.join(', ')}`,
      'Ar gyfer pob thema, dywedwch wrthym pa gwestiynau y mae’n eu codi, beth sy’n rhwystro a sut beth fyddai llwyddiant. Dienw: dim ond yn gyfanredol y caiff atebion eu hadrodd, ac ni ddangosir grwpiau o lai na 5 byth.',
    ),
    sections,
    questions,
  }
}

/** A short pulse survey to repeat each term. */
export function pulseTemplate(ctx: TemplateContext): SurveyDraft {
  const id = ctx.newId ?? defaultNewId
  const questions: Question[] = [
    {
      id: id(),
      type: 'likert',
      prompt: 'I feel valued as a technician here.',
      promptCy: 'Rwy’n teimlo fy mod yn cael fy ngwerthfawrogi fel technegydd yma.',
      required: true,
      options: [...DEFAULT_LIKERT_LABELS],
    },
    {
      id: id(),
      type: 'likert',
      prompt: 'I have had time for development in the last three months.',
      promptCy: 'Rwyf wedi cael amser i ddatblygu yn ystod y tri mis diwethaf.',
      required: true,
      options: [...DEFAULT_LIKERT_LABELS],
    },
    {
      id: id(),
      type: 'rating',
      prompt: 'How likely are you to recommend working here as a technician to a friend?',
      promptCy: 'Pa mor debygol ydych chi o argymell gweithio yma fel technegydd i ffrind?',
      help: '0 = not at all likely, 10 = extremely likely',
      helpCy: '0 = ddim yn debygol o gwbl, 10 = hynod debygol',
      required: false,
    },
    {
      id: id(),
      type: 'single',
      prompt: 'Compared with last term, things for technicians are…',
      promptCy: 'O’i gymharu â’r tymor diwethaf, mae pethau i dechnegwyr…',
      required: false,
      options: ['Better', 'About the same', 'Worse'],
      optionsCy: ['Yn well', 'Tua’r un fath', 'Yn waeth'],
    },
    {
      id: id(),
      type: 'long',
      prompt: 'What one change would make the biggest difference to you?',
      promptCy: 'Pa un newid a fyddai’n gwneud y gwahaniaeth mwyaf i chi?',
      required: false,
    },
  ]
  return {
    ...base(
      ctx,
      'Pulse survey',
      'Five quick questions, about two minutes. Anonymous.',
      'Arolwg pwls',
      'Pum cwestiwn cyflym, tua dau funud. Dienw.',
    ),
    sections: [],
    questions,
  }
}

const SUPPORT_LABELS = ['Strongly oppose', 'Oppose', 'Neutral', 'Support', 'Strongly support']
const SUPPORT_LABELS_CY = ['Gwrthwynebu’n gryf', 'Gwrthwynebu', 'Niwtral', 'Cefnogi', 'Cefnogi’n gryf']
const THEME_ORDER = ['visibility', 'recognition', 'career', 'sustainability', 'all'] as const
const THEME_TITLES: Record<(typeof THEME_ORDER)[number], { en: string; cy: string }> = {
  visibility: { en: 'Visibility', cy: 'Gwelededd' },
  recognition: { en: 'Recognition', cy: 'Cydnabyddiaeth' },
  career: { en: 'Career development', cy: 'Datblygu gyrfa' },
  sustainability: { en: 'Sustainability', cy: 'Cynaliadwyedd' },
  all: { en: 'Cross-cutting', cy: 'Trawsbynciol' },
}
const clipPrompt = (prompt: string) => (prompt.length > 500 ? `${prompt.slice(0, 499)}…` : prompt)

/** One Likert question per action (by theme, then code), and what is missing. At most 98 actions. */
export function planFeedbackTemplate(
  ctx: TemplateContext,
  actions: readonly (Pick<PlanAction, 'code' | 'activity' | 'themes' | 'deleted'> & Partial<Pick<PlanAction, 'activityCy'>>)[],
): SurveyDraft {
  const id = ctx.newId ?? defaultNewId
  const live = actions.filter((a) => !a.deleted).slice(0, 98)
  const sections: SurveyDraft['sections'] = []
  const questions: Question[] = []
  for (const theme of THEME_ORDER) {
    const rows = live.filter((a) => (a.themes[0] ?? 'all') === theme).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    if (rows.length === 0) continue
    const sectionId = id()
    sections.push({ id: sectionId, title: THEME_TITLES[theme].en, titleCy: THEME_TITLES[theme].cy })
    for (const a of rows) {
      questions.push({
        id: id(),
        type: 'likert',
        prompt: clipPrompt(`${a.code}: ${a.activity}`),
        // The action's own Welsh where the plan has it; otherwise the builder lists this prompt as missing.
        ...(a.activityCy?.trim() ? { promptCy: clipPrompt(`${a.code}: ${a.activityCy.trim()}`) } : {}),
        help: 'How far do you support this draft action?',
        helpCy: 'I ba raddau rydych chi’n cefnogi’r cam gweithredu drafft hwn?',
        required: false,
        options: [...SUPPORT_LABELS],
        optionsCy: [...SUPPORT_LABELS_CY],
        sectionId,
      })
    }
  }
  const closing = id()
  sections.push({ id: closing, title: 'Anything else', titleCy: 'Unrhyw beth arall' })
  questions.push(
    {
      id: id(),
      type: 'long',
      prompt: 'What is missing from the draft plan?',
      promptCy: 'Beth sydd ar goll o’r cynllun drafft?',
      required: false,
      sectionId: closing,
    },
    {
      id: id(),
      type: 'long',
      prompt: 'Any comments on particular actions? Please mention their codes (e.g. V1).',
      promptCy: 'Unrhyw sylwadau ar gamau gweithredu penodol? Nodwch eu codau (e.e. V1).',
      required: false,
      sectionId: closing,
    },
  )
  return {
    ...base(
      ctx,
      'Feedback on the draft action plan',
      'Tell us how far you support each draft action and what is missing. Anonymous.',
      'Adborth ar y cynllun gweithredu drafft',
      'Dywedwch wrthym i ba raddau rydych chi’n cefnogi pob cam gweithredu drafft a beth sydd ar goll. Dienw.',
    ),
    sections,
    questions,
  }
}

/** One required single-choice question to start from. */
export function blankTemplate(ctx: TemplateContext): SurveyDraft {
  const id = ctx.newId ?? defaultNewId
  return {
    ...base(ctx, 'New survey', '', 'Arolwg newydd', ''),
    sections: [],
    questions: [
      {
        id: id(),
        type: 'single',
        prompt: 'Your first question',
        promptCy: 'Eich cwestiwn cyntaf',
        required: true,
        options: ['Yes', 'No'],
        optionsCy: ['Ydw', 'Nac ydw'],
      },
    ],
  }
}
