/**
 * The words for the schema's codes (role families, skill levels and categories, contracts, request
 * formats and states, plan themes, RAG ratings), in the language shown. Messages live in the
 * `labels` namespace (`src/locales/<locale>/labels.json`).
 *
 * In a component: `const { roleFamily, theme } = useLabels()`; elsewhere (exports, which get a
 * `t`): `labelsFor(t)`.
 */
import { useI18n } from 'vue-i18n'
import type { CONTRACTS, MemberSkill, RagStatus, ROLE_FAMILIES, SKILL_CATEGORIES, SkillShareRequest, THEMES } from '@/domain/entities'

type Translate = (key: string) => string

export interface Labels {
  roleFamily: (code: (typeof ROLE_FAMILIES)[number]) => string
  level: (code: MemberSkill['level']) => string
  category: (code: (typeof SKILL_CATEGORIES)[number]) => string
  contract: (code: (typeof CONTRACTS)[number]) => string
  requestFormat: (code: SkillShareRequest['format']) => string
  requestStatus: (code: SkillShareRequest['state']) => string
  /** What an entry of a request's history says happened ("Asked", "Accepted", …). */
  requestHistory: (code: SkillShareRequest['state']) => string
  theme: (code: (typeof THEMES)[number]) => string
  /** A RAG rating in words (colour is never the only signal); null: not rated yet. */
  rag: (code: RagStatus | null) => string
}

/** The label functions over a given `t` (vue-i18n's, or `i18n.global.t`). */
export function labelsFor(t: Translate): Labels {
  // Bracketed so codes with a hyphen ('fixed-term') resolve as one key.
  const label = (group: string) => (code: string) => t(`labels.${group}['${code}']`)
  return {
    roleFamily: label('roleFamily'),
    level: label('level'),
    category: label('category'),
    contract: label('contract'),
    requestFormat: label('requestFormat'),
    requestStatus: label('requestStatus'),
    requestHistory: label('requestHistory'),
    theme: label('theme'),
    rag: (code) => label('rag')(code ?? 'none'),
  }
}

/** The label functions in the component's language (follows a language switch). */
export function useLabels(): Labels {
  const { t } = useI18n()
  return labelsFor(t)
}
