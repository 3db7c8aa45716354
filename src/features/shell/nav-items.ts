import type { IconName } from '@/ui/icons'

export interface NavItem {
  /** Route name. */
  name: string
  /** Message key of its label (src/locales/<locale>/shell.json). */
  labelKey: string
  icon: IconName
}

/** The five destinations of the bottom navigation (side rail on wide screens). */
export const MAIN_NAV: readonly NavItem[] = [
  { name: 'home', labelKey: 'shell.nav.home', icon: 'home' },
  { name: 'directory', labelKey: 'shell.nav.directory', icon: 'directory' },
  { name: 'cpd', labelKey: 'shell.nav.cpd', icon: 'cpd' },
  { name: 'plan', labelKey: 'shell.nav.plan', icon: 'plan' },
  { name: 'surveys', labelKey: 'shell.nav.surveys', icon: 'surveys' },
]
