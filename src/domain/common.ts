/** Small schema pieces reused by every entity. */
import * as v from 'valibot'
import { problem } from './problems'

export const ROLES = ['technician', 'champion', 'lead', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\w.-]+$/, problem('badId')))
/** ISO calendar date, e.g. 2026-11-23. */
export const IsoDate = v.pipe(v.string(), v.isoDate(problem('date')))
export const Millis = v.pipe(v.number(), v.integer(), v.minValue(0))

/**
 * A character XML 1.0 cannot hold: C0 controls other than tab, newline and carriage return,
 * U+FFFE, U+FFFF and unpaired surrogates (with the `u` flag a lone surrogate is its own code
 * point). Refused in every text field, so no export (CSV, Word/XML, PDF) can be broken by one.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/** True when `s` holds only characters valid in XML 1.0. */
export function isXmlSafe(s: string): boolean {
  return !NOT_XML_CHAR.test(s)
}

/**
 * The field's name in a problem's parameters: `label` is a key of the client's `errors.label`
 * words (e.g. `jobTitle`), never English; none: "this field".
 */
const named = (label: string | undefined, params: Record<string, string | number> = {}) => (label ? { label, ...params } : params)

/** The shared text piece: a string of characters valid in XML 1.0 (every text field starts from it). */
export function xmlText(label?: string) {
  return v.pipe(v.string(), v.check(isXmlSafe, problem('badCharacter', named(label))))
}

/** Plain text with a length cap; trimmed; markup is allowed as text but never rendered as HTML. */
export function text(max: number, label?: string) {
  return v.pipe(xmlText(label), v.trim(), v.maxLength(max, problem('tooLong', named(label, { max }))))
}
export function requiredText(max: number, label?: string) {
  return v.pipe(
    xmlText(label),
    v.trim(),
    v.minLength(1, problem('required', named(label))),
    v.maxLength(max, problem('tooLong', named(label, { max }))),
  )
}
/** Rejects strings that look like HTML/script so profile text never smuggles markup. */
/**
 * An HTML element's tag (or a comment/doctype): what would be markup if the text were ever put into
 * HTML. Only real element names count, so "pH <7 at 25 °C>" or "x <y z> w" stay plain text.
 */
const HTML_TAG = new RegExp(
  String.raw`<\s*(?:!|\/?\s*(?:a|abbr|area|audio|b|base|blockquote|body|br|button|canvas|code|del|details|dialog|div|em|embed|font|form|frame|frameset|h[1-6]|head|hr|html|i|iframe|img|input|ins|label|li|link|marquee|math|meta|noscript|object|ol|option|p|param|picture|pre|s|script|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|title|tr|u|ul|video)(?=[\s/>]))`,
  'i',
)

export function plainText(max: number, label?: string) {
  return v.pipe(
    text(max, label),
    v.check((s) => !HTML_TAG.test(s), problem('markup', named(label))),
  )
}

export const SYNC_META_ENTRIES = {
  id: Id,
  updatedAt: Millis,
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  deleted: v.boolean(),
  lastMutationId: v.nullable(v.string()),
}
