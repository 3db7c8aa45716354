/**
 * Callables that refuse a hostile body with a typed error before firebase-functions decodes it.
 *
 * firebase-functions' `onCall` decodes `req.body.data` itself, recursively, before our handler
 * runs: an object with an unknown `@type` makes it throw a plain Error (HTTP 500 "INTERNAL"), and
 * a body nested thousands deep walks its recursion. It offers no option to check the body first,
 * but the function it returns is a plain `(req, res)` HTTP handler (what the Functions runtime and
 * the emulator call, the JSON already parsed by the framework). So {@link onCall} wraps it: a body
 * deeper than {@link MAX_BODY_DEPTH}, larger than {@link MAX_BODY_BYTES}, or holding an `@type`
 * key (the app never sends one) gets a typed `invalid` / `too-large` error in the callable
 * protocol's shape; everything else goes to firebase-functions unchanged. What remains the
 * framework's: a body that is not JSON at all is refused by the runtime's parser (HTTP 400), and
 * a body over the platform's request limit never reaches the function (see README).
 */
import { onCall as firebaseOnCall, type CallableOptions, type CallableRequest } from 'firebase-functions/v2/https'

/** Deeper than any request the app sends (a sync mutation's payload is about 8 levels). */
export const MAX_BODY_DEPTH = 64
/** Above any request the app sends (a push batch is split well under this). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024

export interface BodyProblem {
  code: 'invalid' | 'too-large'
  message: string
}

/** What is wrong with a callable's parsed body before decoding, or null. Iterative: no recursion to exhaust. */
export function bodyProblem(body: unknown, rawBytes = 0): BodyProblem | null {
  if (rawBytes > MAX_BODY_BYTES) return { code: 'too-large', message: `The request is too large (${rawBytes} bytes)` }
  const stack: [unknown, number][] = [[body, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_BODY_DEPTH) return { code: 'invalid', message: `The request is nested too deeply (more than ${MAX_BODY_DEPTH} levels)` }
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1])
      continue
    }
    if (Object.hasOwn(value, '@type')) return { code: 'invalid', message: 'Values with an "@type" are not accepted' }
    for (const item of Object.values(value)) stack.push([item, depth + 1])
  }
  return null
}

interface HttpRequest {
  method?: string
  body?: unknown
  rawBody?: { length: number }
  headers: Record<string, string | string[] | undefined>
}
interface HttpResponse {
  status(code: number): HttpResponse
  set(field: string, value: string): HttpResponse
  send(body: unknown): unknown
}

const HTTP_STATUS = { invalid: 400, 'too-large': 400 } as const

/** firebase-functions' `onCall`, with the body checked first (see the top of this file). */
export function onCall<T, R>(opts: CallableOptions<T>, handler: (req: CallableRequest<T>) => R): ReturnType<typeof firebaseOnCall<T, R>> {
  const callable = firebaseOnCall<T, R>(opts, handler)
  const guarded = (req: HttpRequest, res: HttpResponse): unknown => {
    const problem = req.method === 'POST' ? bodyProblem(req.body, req.rawBody?.length ?? 0) : null
    if (!problem) return (callable as unknown as (req: HttpRequest, res: HttpResponse) => unknown)(req, res)
    // The app reads the error across origins, as it does the callable's own errors (cors: true).
    const origin = req.headers.origin
    if (typeof origin === 'string') res.set('Access-Control-Allow-Origin', origin).set('Vary', 'Origin')
    return res
      .status(HTTP_STATUS[problem.code])
      .send({ error: { status: 'INVALID_ARGUMENT', message: problem.message, details: { code: problem.code } } })
  }
  // Keep what the runtime and firebase-tools read from the function: __endpoint, __trigger, run …
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(callable))) {
    if (key !== 'length' && key !== 'name' && key !== 'prototype') Object.defineProperty(guarded, key, descriptor)
  }
  return guarded as unknown as ReturnType<typeof firebaseOnCall<T, R>>
}
