/** The plan's bilingual texts in the language shown (Welsh where written, else English). */
import { useI18n } from 'vue-i18n'
import type { PlanAction, SuccessMeasure } from '@/domain/entities'
import { activityIn, measureTextIn, outputsIn } from '@/domain/rules/plan-language'

export function usePlanText() {
  const { locale } = useI18n()
  return {
    activity: (a: Pick<PlanAction, 'activity' | 'activityCy'>) => activityIn(locale.value, a),
    outputs: (a: Pick<PlanAction, 'outputs' | 'outputsCy'>) => outputsIn(locale.value, a),
    measure: (m: Pick<SuccessMeasure, 'text' | 'textCy'>) => measureTextIn(locale.value, m),
  }
}
