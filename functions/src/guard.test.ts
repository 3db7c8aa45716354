import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bodyProblem, MAX_BODY_BYTES, MAX_BODY_DEPTH, onCall } from './guard'

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf'
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { x: value }
  return value
}

describe('callable body guard', () => {
  it('passes what the app sends, refuses depth, @type and size before the framework decodes', () => {
    expect(bodyProblem({ data: { mutations: [{ payload: { competences: { c1: { cpdIds: ['a'] } } } }] } })).toBeNull()
    expect(bodyProblem({ data: nested(MAX_BODY_DEPTH - 2) })).toBeNull()
    expect(bodyProblem({ data: nested(MAX_BODY_DEPTH + 1) })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/nested too deeply/),
    })
    // Iterative: 100,000 levels do not exhaust the stack.
    expect(bodyProblem({ data: nested(100_000) })?.code).toBe('invalid')
    expect(bodyProblem({ data: { x: [{ '@type': 'type.googleapis.com/google.protobuf.Int64Value', value: '1' }] } })?.message).toMatch(
      /@type/,
    )
    expect(bodyProblem({ data: 'x' }, MAX_BODY_BYTES + 1)?.code).toBe('too-large')
  })

  it('keeps what the runtime reads from a callable (endpoint, trigger, run)', () => {
    const fn = onCall<unknown, Promise<number>>({ cors: true }, async () => 1) as unknown as Record<string, unknown>
    expect(fn.__endpoint).toMatchObject({ callableTrigger: {} })
    expect(fn.__trigger).toBeDefined()
    expect(typeof fn.run).toBe('function')
  })
})

describe('every callable goes through the guard', () => {
  it('no module but guard.ts takes onCall from firebase-functions', () => {
    const root = new URL('.', import.meta.url).pathname
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'guard.ts',
    )
    const direct = files.filter((f) =>
      /import\s*\{[^}]*\bonCall\b[^}]*\}\s*from\s*'firebase-functions/.test(readFileSync(join(root, f), 'utf8')),
    )
    expect(direct).toEqual([])
  })
})
