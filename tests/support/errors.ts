/**
 * A problem (src/domain/problems.ts) in the words a person reads, for tests that assert them:
 * `const en = await wordsIn('en')` then `expect(en(result.message)).toBe('Title is required')`.
 */
import { setLocale } from '@/i18n'
import type { Locale } from '@/i18n/locales'
import { errorsFor, type ProblemLike } from '@/ui/field-errors'

export async function wordsIn(locale: Locale = 'en'): Promise<(p: ProblemLike) => string> {
  await setLocale(locale)
  const { problemText } = errorsFor()
  return problemText
}
