/** Calling v2 callables on the Functions emulator over the callable protocol (POST {data}). */
import { FUNCTIONS_ORIGIN, PROJECT_ID, REGION } from './env'

export interface CallableError {
  status: string
  message: string
  details?: { code?: string; field?: string; [k: string]: unknown }
}

export type CallOutcome<T> = { ok: true; httpStatus: number; data: T } | { ok: false; httpStatus: number; error: CallableError }

/** POST a callable; `idToken` null calls it signed out. Never throws for an HTTP error. */
export async function call<T = unknown>(
  name: string,
  data: unknown,
  idToken: string | null,
  raw?: string,
  extraHeaders: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<CallOutcome<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extraHeaders }
  if (idToken) headers.Authorization = `Bearer ${idToken}`
  const res = await fetch(`${FUNCTIONS_ORIGIN}/${PROJECT_ID}/${REGION}/${name}`, {
    method: 'POST',
    headers,
    body: raw ?? JSON.stringify({ data }),
    signal,
  })
  const text = await res.text()
  let body: { result?: T; error?: CallableError } = {}
  try {
    body = JSON.parse(text) as typeof body
  } catch {
    return { ok: false, httpStatus: res.status, error: { status: `HTTP_${res.status}`, message: text.slice(0, 200) } }
  }
  if (res.ok && body.error === undefined) return { ok: true, httpStatus: res.status, data: body.result as T }
  return { ok: false, httpStatus: res.status, error: body.error ?? { status: `HTTP_${res.status}`, message: text.slice(0, 200) } }
}

/** Call and expect success; throws with the error otherwise. */
export async function callOk<T = unknown>(name: string, data: unknown, idToken: string | null): Promise<T> {
  const out = await call<T>(name, data, idToken)
  if (!out.ok) throw new Error(`${name} failed: ${out.error.status} ${out.error.message} ${JSON.stringify(out.error.details ?? {})}`)
  return out.data
}
