/** Display names the survey screens share. */
import type { ROLE_FAMILIES } from '@/domain/entities'

export const ROLE_FAMILY_LABELS: Record<(typeof ROLE_FAMILIES)[number], string> = {
  research: 'Research',
  teaching: 'Teaching',
  support: 'Support',
  laboratory: 'Laboratory',
  workshop: 'Workshop',
  studio: 'Studio',
  analytical: 'Analytical',
  it: 'IT',
  apprentice: 'Apprentices',
  other: 'Other',
}
