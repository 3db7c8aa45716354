/**
 * Survey templates: the technician-voice workshop (Leicester: per theme, the theme statement, then
 * "what questions does this raise?", "what are the barriers?", "what would good look like?"), a
 * pulse survey, and feedback on a draft action plan (one question per action, as Leeds circulated
 * its drafts). Pure: pass today's date, the author and (for tests) an id generator.
 */
import type { PlanAction, Question, Survey } from '@/domain/entities'
import { addDays } from '@/domain/rules/dates'
import { newId as defaultNewId } from '@/domain/ids'
import { DEFAULT_LIKERT_LABELS } from './rules'

/** A survey's editable fields (what the builder edits and the repository stores). */
export type SurveyDraft = Omit<Survey, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>

export type WorkshopTheme = 'visibility' | 'recognition' | 'career' | 'sustainability'

/** The four themes of the Technician Commitment with a workshop statement each. */
export const WORKSHOP_THEMES: Record<WorkshopTheme, { title: string; statement: string }> = {
  visibility: {
    title: 'Visibility',
    statement: 'Every technician is known and valued across the institution, not only by their own team.',
  },
  recognition: {
    title: 'Recognition',
    statement: 'Technicians are supported to gain recognition, including through professional registration.',
  },
  career: {
    title: 'Career development',
    statement: 'Every technician has a clear route to develop and progress, with time set aside to do so.',
  },
  sustainability: {
    title: 'Sustainability',
    statement: 'Skills are shared and passed on so that no specialist skill depends on one person.',
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

function base(ctx: TemplateContext, title: string, description: string): Omit<SurveyDraft, 'questions' | 'sections'> {
  return {
    title,
    description,
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
  const sections = chosen.map((t) => ({ id: id(), title: WORKSHOP_THEMES[t].title }))
  const questions: Question[] = chosen.flatMap((t, i) => {
    const { statement } = WORKSHOP_THEMES[t]
    const sectionId = sections[i]!.id
    return [
      {
        id: id(),
        type: 'likert',
        prompt: `“${statement}” This is true for me today.`,
        help: 'The theme statement: how far do you agree?',
        required: true,
        options: [...DEFAULT_LIKERT_LABELS],
        sectionId,
      },
      {
        id: id(),
        type: 'long',
        prompt: 'In relation to this theme, what questions does this raise?',
        help: statement,
        required: false,
        sectionId,
      },
      {
        id: id(),
        type: 'long',
        prompt: 'What are the barriers or issues that would get in the way of this happening?',
        required: false,
        sectionId,
      },
      { id: id(), type: 'long', prompt: 'What would good look like if we did this well?', required: false, sectionId },
    ]
  })
  const names = chosen.map((t) => WORKSHOP_THEMES[t].title)
  return {
    ...base(
      ctx,
      `Technician voice workshop: ${names.length === 4 ? 'all themes' : names.join(', ')}`,
      'For each theme, tell us what questions it raises, what gets in the way and what good would look like. Anonymous: answers are reported only in aggregate, and groups under 5 are never shown.',
    ),
    sections,
    questions,
  }
}

/** A short pulse survey to repeat each term. */
export function pulseTemplate(ctx: TemplateContext): SurveyDraft {
  const id = ctx.newId ?? defaultNewId
  const questions: Question[] = [
    { id: id(), type: 'likert', prompt: 'I feel valued as a technician here.', required: true, options: [...DEFAULT_LIKERT_LABELS] },
    {
      id: id(),
      type: 'likert',
      prompt: 'I have had time for development in the last three months.',
      required: true,
      options: [...DEFAULT_LIKERT_LABELS],
    },
    {
      id: id(),
      type: 'rating',
      prompt: 'How likely are you to recommend working here as a technician to a friend?',
      help: '0 = not at all likely, 10 = extremely likely',
      required: false,
    },
    {
      id: id(),
      type: 'single',
      prompt: 'Compared with last term, things for technicians are…',
      required: false,
      options: ['Better', 'About the same', 'Worse'],
    },
    { id: id(), type: 'long', prompt: 'What one change would make the biggest difference to you?', required: false },
  ]
  return { ...base(ctx, 'Pulse survey', 'Five quick questions, about two minutes. Anonymous.'), sections: [], questions }
}

const SUPPORT_LABELS = ['Strongly oppose', 'Oppose', 'Neutral', 'Support', 'Strongly support']
const THEME_ORDER = ['visibility', 'recognition', 'career', 'sustainability', 'all'] as const
const THEME_TITLES: Record<(typeof THEME_ORDER)[number], string> = {
  visibility: 'Visibility',
  recognition: 'Recognition',
  career: 'Career development',
  sustainability: 'Sustainability',
  all: 'Cross-cutting',
}

/** One Likert question per action (by theme, then code), and what is missing. At most 98 actions. */
export function planFeedbackTemplate(
  ctx: TemplateContext,
  actions: readonly Pick<PlanAction, 'code' | 'activity' | 'themes' | 'deleted'>[],
): SurveyDraft {
  const id = ctx.newId ?? defaultNewId
  const live = actions.filter((a) => !a.deleted).slice(0, 98)
  const sections: SurveyDraft['sections'] = []
  const questions: Question[] = []
  for (const theme of THEME_ORDER) {
    const rows = live.filter((a) => (a.themes[0] ?? 'all') === theme).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    if (rows.length === 0) continue
    const sectionId = id()
    sections.push({ id: sectionId, title: THEME_TITLES[theme] })
    for (const a of rows) {
      const prompt = `${a.code}: ${a.activity}`
      questions.push({
        id: id(),
        type: 'likert',
        prompt: prompt.length > 500 ? `${prompt.slice(0, 499)}…` : prompt,
        help: 'How far do you support this draft action?',
        required: false,
        options: [...SUPPORT_LABELS],
        sectionId,
      })
    }
  }
  const closing = id()
  sections.push({ id: closing, title: 'Anything else' })
  questions.push(
    { id: id(), type: 'long', prompt: 'What is missing from the draft plan?', required: false, sectionId: closing },
    {
      id: id(),
      type: 'long',
      prompt: 'Any comments on particular actions? Please mention their codes (e.g. V1).',
      required: false,
      sectionId: closing,
    },
  )
  return {
    ...base(ctx, 'Feedback on the draft action plan', 'Tell us how far you support each draft action and what is missing. Anonymous.'),
    sections,
    questions,
  }
}

/** One required single-choice question to start from. */
export function blankTemplate(ctx: TemplateContext): SurveyDraft {
  const id = ctx.newId ?? defaultNewId
  return {
    ...base(ctx, 'New survey', ''),
    sections: [],
    questions: [{ id: id(), type: 'single', prompt: 'Your first question', required: true, options: ['Yes', 'No'] }],
  }
}
