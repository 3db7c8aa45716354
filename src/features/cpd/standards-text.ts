/**
 * The Science Council CPD standards check in words, in the language shown: the domain rule
 * (src/domain/rules/cpd.ts) returns rule ids and hint codes with their facts; the CPD summary and
 * the audit exports both word them here, from `cpd.standards.*`.
 */
import type { CpdType, StandardsHint, StandardsRule } from '@/domain/rules/cpd'
import { MIN_CPD_TYPES } from '@/domain/rules/cpd'
import type { CpdText } from './cpd-text'

export interface StandardsWords {
  /** "Activity across at least 3 types", "What you learned". */
  label: string
  /** What to do to pass; absent when passed. */
  hint?: string
}

/** A rule's label and hint in words. */
export function standardsWords(text: CpdText, rule: StandardsRule): StandardsWords {
  const label = text.t(`cpd.standards.rule.${rule.id}`, { n: MIN_CPD_TYPES })
  return rule.hint ? { label, hint: hintWords(text, rule.id, rule.hint) } : { label }
}

function hintWords(text: CpdText, id: StandardsRule['id'], hint: StandardsHint): string {
  const t = text.t
  // After "or" the last name takes its mutated form in Welsh ("neu ddysgu hunangyfeiriedig").
  const types = (list: readonly CpdType[], last: 'and' | 'or' = 'and') =>
    listOf(
      text,
      list.map((type, i) => t(`cpd.standards.${last === 'or' && i === list.length - 1 ? 'typeNameAfterOr' : 'typeName'}.${type}`)),
      last,
    )
  const what = () => t(`cpd.standards.note.${id}`)
  switch (hint.code) {
    case 'noActivity':
      return t('cpd.standards.hint.noActivity', { min: hint.min, types: types(hint.suggest) })
    case 'moreTypes':
      return t('cpd.standards.hint.moreTypes', {
        have: t('cpd.standards.typeCount', { n: hint.have.length }, hint.have.length),
        types: types(hint.have),
        need: t('cpd.standards.moreTypeCount', { n: hint.need }, hint.need),
        suggest: types(hint.suggest, 'or'),
      })
    case 'logAndNote':
      return t('cpd.standards.hint.logAndNote', { what: what() })
    case 'noteFor': {
      const quoted = hint.titles.map((title) => t('cpd.standards.quoted', { title }))
      if (hint.count === 1) return t('cpd.standards.hint.noteForOne', { what: what(), title: quoted[0] ?? '' })
      const titles = hint.count > quoted.length ? t('cpd.standards.andOthers', { list: quoted.join(', ') }) : listOf(text, quoted, 'and')
      return t('cpd.standards.hint.noteFor', { what: what(), n: hint.count, titles }, hint.count)
    }
  }
}

/** "a, b and c" / "a, b a c" ("ac" before a vowel in Welsh): the words of the language shown. */
function listOf(text: CpdText, items: readonly string[], last: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('')
  const tail = items[items.length - 1] ?? ''
  const key = last === 'and' && /^[“"‘']?[aeiouwyâêîôûŵŷ]/i.test(tail) ? 'andVowel' : last
  return text.t(`cpd.standards.list.${key}`, { rest: items.slice(0, -1).join(', '), last: tail })
}
