/** The words the profile, directory and requests screens use for the schema's codes. */
import type { CONTRACTS, MemberSkill, ROLE_FAMILIES, SKILL_CATEGORIES, SkillShareRequest } from '@/domain/entities'

export const ROLE_FAMILY_LABELS: Record<(typeof ROLE_FAMILIES)[number], string> = {
  research: 'Research',
  teaching: 'Teaching',
  support: 'Technical support',
  laboratory: 'Laboratory',
  workshop: 'Workshop',
  studio: 'Studio',
  analytical: 'Analytical',
  it: 'IT and digital',
  apprentice: 'Apprentice',
  other: 'Other',
}

export const LEVEL_LABELS: Record<MemberSkill['level'], string> = { learning: 'Learning', practitioner: 'Practitioner', expert: 'Expert' }

export const CATEGORY_LABELS: Record<(typeof SKILL_CATEGORIES)[number], string> = {
  technique: 'Technique',
  equipment: 'Instrument or equipment',
  software: 'Software',
  safety: 'Safety and compliance',
  teaching: 'Teaching support',
  soft: 'Soft skill',
}

export const CONTRACT_LABELS: Record<(typeof CONTRACTS)[number], string> = {
  permanent: 'Permanent',
  'fixed-term': 'Fixed term',
  casual: 'Casual or hourly',
  apprenticeship: 'Apprenticeship',
}

export const FORMAT_LABELS: Record<SkillShareRequest['format'], string> = {
  shadowing: 'Shadowing',
  demo: 'A demonstration',
  call: 'A call',
}

export const STATE_LABELS: Record<SkillShareRequest['state'], string> = {
  pending: 'Waiting for a reply',
  accepted: 'Accepted',
  declined: 'Declined',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

/** What each entry of a request's history says happened. */
export const HISTORY_LABELS: Record<SkillShareRequest['state'], string> = {
  pending: 'Asked',
  accepted: 'Accepted',
  declined: 'Declined',
  completed: 'Completed',
  cancelled: 'Cancelled',
}
