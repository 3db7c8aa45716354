/**
 * A tiny HTML template: `markup\`<p>${text}</p>\`` escapes every interpolated value unless it is
 * already {@link Html} (a fragment built the same way). No user text ever reaches the page as markup.
 */

/** Markup built by {@link markup}: safe to interpolate into another template as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML text or attribute value (quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/** What a template may interpolate: text (escaped), numbers, fragments, lists of them; nothing for null/false. */
export type HtmlPart = string | number | Html | null | undefined | false | readonly HtmlPart[]

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return ''
  if (part instanceof Html) return part.value
  if (Array.isArray(part)) return part.map(render).join('')
  return escapeHtml(String(part))
}

/** Builds markup from a template literal, escaping every value. */
export function markup(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '')
  })
  return new Html(out)
}
