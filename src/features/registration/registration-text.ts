/**
 * Registration pathways in words, in the language shown: the domain (src/domain/rules/registration.ts)
 * keeps codes, word guides and facts; the screens word titles, bodies, competence areas, steps and
 * what is still missing from the `registration` messages.
 */
import type { RegistrationBody, ReadinessGap, CompetenceArea, PathwayStep, RegistrationTarget } from '@/domain/rules/registration'
import { PATHWAYS } from '@/domain/rules/registration'

/** vue-i18n's `t` (from useI18n() or i18n.global). */
export type Translate = (key: string, named?: Record<string, unknown>) => string

/** "Registered Scientist (RSci)" / "Gwyddonydd Cofrestredig (RSci)". */
export function targetName(t: Translate, target: RegistrationTarget): string {
  return `${t(`registration.pathway.${target}`)} (${target})`
}

/** "Science Council" / "Y Cyngor Gwyddoniaeth". */
export function bodyName(t: Translate, body: RegistrationBody): string {
  return t(`registration.body.${body}`)
}

/** An area's heading, "A. Personal responsibility", and what it asks for, for a target's body. */
export function areaWords(
  t: Translate,
  target: RegistrationTarget,
  area: Pick<CompetenceArea, 'id' | 'code'>,
): { title: string; description: string } {
  const key = `registration.area.${PATHWAYS[target].body}.${area.id}`
  return { title: `${area.code}. ${t(`${key}.title`)}`, description: t(`${key}.description`) }
}

/** "Gather evidence" / "Casglu tystiolaeth". */
export function stepName(t: Translate, step: PathwayStep): string {
  return t(`registration.step.${step.label}`)
}

/** One thing still missing before submission, as a sentence. */
export function gapText(t: Translate, target: RegistrationTarget, gap: ReadinessGap): string {
  if (gap.code === 'step') return t('registration.gap.step', { step: stepName(t, gap.step) })
  const area = areaWords(t, target, gap.area).title
  switch (gap.code) {
    case 'statementEmpty':
      return t('registration.gap.statementEmpty', { area, min: gap.min })
    case 'statementShort':
      return t('registration.gap.statementShort', { area, min: gap.min, words: gap.words })
    case 'statementOver':
      return t('registration.gap.statementOver', { area, over: gap.over, limit: gap.limit })
    case 'noCpd':
      return t('registration.gap.noCpd', { area })
  }
}
