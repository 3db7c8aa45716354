/** The "Propose an idea" form: what the idea is about (a theme or an action), checked with the Idea schema. */
import * as v from 'valibot'
import { IdeaFields, THEMES, type Idea } from '@/domain/entities'
import { issueProblem, type Problem } from '@/domain/problems'
import { errorsFor } from '@/ui/field-errors'

export interface IdeaFormValues {
  title: string
  body: string
  /** `theme:<theme>` or `action:<actionId>`; empty for the plan as a whole. */
  about: string
}
/** What is wrong, by field: `about` holds a message key (`ideas.json`); title and body the schema's problem in words. */
export type IdeaFormErrors = Partial<Record<keyof IdeaFormValues, string>>
export type NewIdea = Pick<Idea, 'title' | 'body' | 'actionId' | 'theme'>

const FormSchema = v.object({ title: IdeaFields.title, body: IdeaFields.body })

/** A type mismatch (no problem of the schema's own) asks to check the field. */
const wordable = (p: Problem): Problem => (p.code === 'invalid' ? { code: 'check' } : p)

/**
 * Checks the form. An idea about an action also carries the action's first theme, so it shows
 * under that theme too.
 */
export function parseIdeaForm(
  values: IdeaFormValues,
  actionThemes: (actionId: string) => readonly string[] | undefined,
): { ok: true; idea: NewIdea } | { ok: false; errors: IdeaFormErrors } {
  const errors: IdeaFormErrors = {}
  const parsed = v.safeParse(FormSchema, values)
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const key = issue.path?.[0]?.key
      if ((key === 'title' || key === 'body') && !errors[key]) errors[key] = errorsFor().problemText(wordable(issueProblem(issue)))
    }
  }
  const [kind, ref] = values.about.split(':', 2) as [string, string | undefined]
  let target: Pick<NewIdea, 'actionId' | 'theme'> = {}
  if (kind === 'theme' && ref && (THEMES as readonly string[]).includes(ref)) target = { theme: ref as NewIdea['theme'] }
  else if (kind === 'action' && ref) {
    const themes = actionThemes(ref)
    if (!themes) errors.about = 'ideas.form.errors.actionGone'
    else target = { actionId: ref, ...(themes[0] ? { theme: themes[0] as NewIdea['theme'] } : {}) }
  } else if (values.about !== '') errors.about = 'ideas.form.errors.chooseAbout'
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, idea: { title: parsed.output.title, body: parsed.output.body, ...target } }
}
