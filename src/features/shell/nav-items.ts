import type { IconName } from '@/ui/icons'

export interface NavItem {
  /** Route name. */
  name: string
  label: string
  icon: IconName
}

/** The five destinations of the bottom navigation (side rail on wide screens). */
export const MAIN_NAV: readonly NavItem[] = [
  { name: 'home', label: 'Home', icon: 'home' },
  { name: 'directory', label: 'Directory', icon: 'directory' },
  { name: 'cpd', label: 'CPD', icon: 'cpd' },
  { name: 'plan', label: 'Plan', icon: 'plan' },
  { name: 'surveys', label: 'Surveys', icon: 'surveys' },
]
