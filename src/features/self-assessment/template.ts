/**
 * The questions of the Technician Commitment self-assessment templates, in order, as the Stage One
 * (24-month plan) and Stage Two (RAG review + 36-month plan) submissions ask them. Each section
 * has a lead-written narrative; `prefill` says which live figures the generator adds to it.
 */
export type Stage = 'one' | 'two'

export type Prefill = 'staff' | 'roles' | 'owners' | 'themes' | 'rag' | 'impact' | 'additional' | 'plan' | 'voice' | 'url'

export interface SectionSpec {
  key: string
  heading: string
  /** The template's question, word for word where the seeds agree. */
  question: string
  /** What the lead is asked to write. */
  hint: string
  prefill: readonly Prefill[]
}

const STAGE_ONE: readonly SectionSpec[] = [
  {
    key: 'profile',
    heading: 'Organisation profile',
    prefill: [],
    question: 'To provide some context, please provide a brief profile of your organisation (up to 250 words).',
    hint: 'Who you are, your faculties or colleges, and where technicians fit in.',
  },
  {
    key: 'definition',
    heading: 'How the organisation defines its technicians',
    prefill: ['roles'],
    question: 'Please tell us how your organisation defines its technicians.',
    hint: 'Job families and titles you count as technical, including non-laboratory roles. The role families recorded in the app are added below.',
  },
  {
    key: 'structure',
    heading: 'Technicians in the organisation',
    prefill: ['staff'],
    question:
      'How many technicians are there in your organisation? Please provide some information on where they are based and/or how they are structured (in terms of subject/discipline/department).',
    hint: 'Reporting lines and how teams are organised. The counts by faculty, role family and contract are added from live data.',
  },
  {
    key: 'prior',
    heading: 'Initiatives already in place',
    prefill: [],
    question:
      'Please provide details of initiatives/programmes/activities that were already in place for the technical community within your organisation prior to becoming a signatory of the Technician Commitment.',
    hint: 'Funding, networks, training or awards that existed before you signed.',
  },
  {
    key: 'initiatives',
    heading: 'Initiatives since becoming a signatory, by theme',
    prefill: ['themes'],
    question:
      'Please tell us about initiatives your organisation has put in place to address the themes of the Technician Commitment since becoming a signatory (Visibility, Recognition, Career Development, Sustainability).',
    hint: 'A paragraph per theme. The plan’s actions by theme and status are summarised below.',
  },
  {
    key: 'plan',
    heading: '24-month action plan',
    prefill: ['plan'],
    question:
      'Please provide a 24-month action plan, detailing future plans to ensure your organisation addresses the themes of the Technician Commitment and details of how impact will be evidenced.',
    hint: 'How progress will be monitored and reported. The plan is added as a table.',
  },
  {
    key: 'voice',
    heading: 'Evidence of the technician voice',
    prefill: ['voice'],
    question: 'Please evidence how the ‘technician voice’ was present in the development and formation of the institutional action plan.',
    hint: 'Workshops, surveys, drafts circulated for comment. Dated counts of survey responses, ideas, comments, votes and adopted ideas are added below.',
  },
  {
    key: 'published',
    heading: 'Publication',
    prefill: ['url'],
    question:
      'Please confirm that your Technician Commitment status and action plan is published on your organisation’s website and provide the relevant URL here.',
    hint: 'Anything to add about where the plan is published.',
  },
]

const STAGE_TWO: readonly SectionSpec[] = [
  {
    key: 'structure',
    heading: 'Technical staff structures',
    prefill: ['staff', 'roles'],
    question: 'Please provide an overview of technical staff structures in your organisation.',
    hint: 'How technicians are defined and counted, where they are based and how teams report. Counts by faculty, role family and contract are added from live data.',
  },
  {
    key: 'governance',
    heading: 'Approach and governance',
    prefill: ['owners'],
    question:
      'Please tell us about your institution’s approach to the Technician Commitment since becoming a signatory. Comments on governance and reporting lines, resources and wider community engagement are welcomed.',
    hint: 'Steering and working groups, who they report to, budget and wider engagement. The groups named in the plan’s owners glossary are listed below.',
  },
  {
    key: 'rag',
    heading: 'RAG analysis of the previous action plan',
    prefill: ['rag'],
    question:
      'Please provide a RAG analysis on your institutional 24-month action plan indicating which activities you have undertaken and completed (green), which are in progress (amber) and which are still to be carried out (red). Please provide an explanation for those categorised as red.',
    hint: 'Overall progress and the story behind the reds. The RAG table, with the explanation recorded for every red, is added from the plan’s history.',
  },
  {
    key: 'impact',
    heading: 'Evidence of impact',
    prefill: ['impact'],
    question: 'Please tell us how you evidence that your action plan has had/is having impact?',
    hint: 'What changed for technicians. Success measures with their progress, registrations and CPD participation are added below.',
  },
  {
    key: 'additional',
    heading: 'Additional initiatives',
    prefill: ['additional'],
    question:
      'Please provide details of any additional initiatives/programmes/activities aligned to your Technician Commitment that are not covered in your original action plan.',
    hint: 'Work beyond the plan. Actions of the new plan that continue nothing from the previous one are listed below.',
  },
  {
    key: 'plan',
    heading: '36-month action plan',
    prefill: ['plan'],
    question:
      'Please provide a 36-month action plan; detailing plans to ensure your organisation continues to address the themes of the Technician Commitment and details of how impact will be evidenced.',
    hint: 'How the plan will be monitored and how impact will be evidenced. The plan is added as a table.',
  },
  {
    key: 'voice',
    heading: 'Evidence of the technician voice',
    prefill: ['voice'],
    question: 'Please evidence how the ‘technician voice’ was present in the development and formation of the 36-month action plan.',
    hint: 'How technicians shaped the plan. Dated counts of survey responses, ideas, comments, votes and adopted ideas are added below.',
  },
  {
    key: 'published',
    heading: 'Publication',
    prefill: ['url'],
    question:
      'Please confirm that your Technician Commitment status and 3-year action plan is published on your organisation’s website and provide the relevant URL here.',
    hint: 'Anything to add about where the plan is published.',
  },
]

export const TEMPLATE: Record<Stage, readonly SectionSpec[]> = { one: STAGE_ONE, two: STAGE_TWO }

export const STAGE_TITLES: Record<Stage, string> = {
  one: 'Technician Commitment: Stage One self-assessment and 24-month action plan',
  two: 'Technician Commitment: Stage Two self-assessment, RAG analysis and 36-month action plan',
}
