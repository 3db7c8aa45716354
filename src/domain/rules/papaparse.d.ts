/**
 * The part of papaparse the CSV import uses. Declared here rather than installing
 * `@types/papaparse`, whose `/// <reference types="node" />` would pull Node's globals into the
 * browser app's type check.
 */
declare module 'papaparse' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch'
    code: string
    message: string
    row?: number
  }
  export interface ParseResult<T> {
    data: T[]
    errors: ParseError[]
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean }
  }
  export interface ParseConfig {
    delimiter?: string
    delimitersToGuess?: string[]
    skipEmptyLines?: boolean | 'greedy'
    preview?: number
  }
  const Papa: { parse<T = string[]>(input: string, config?: ParseConfig): ParseResult<T> }
  export default Papa
}
