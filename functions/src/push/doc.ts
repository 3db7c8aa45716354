/** Small pure helpers over plain JSON values: equality, size, and what Firestore can store. */

/** Structural equality of JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined)
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(bo, k) && deepEqual(ao[k], bo[k]))
}

/** UTF-8 size of a value's JSON encoding (the measure MAX_PAYLOAD_BYTES bounds). */
export function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8')
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/** Firestore rejects these as document ids: `.`, `..`, and `__…__` (reserved). */
export function isStorableId(id: string): boolean {
  return id !== '.' && id !== '..' && !/^__.*__$/.test(id) && Buffer.byteLength(id, 'utf8') <= 1500
}

/**
 * Where a value cannot be stored in Firestore (empty or reserved map keys, arrays directly in
 * arrays, depth over 20, non-finite numbers, non-JSON values), as a dot path; null when fine.
 * Schemas already reject most of this; this is the belt under the braces.
 */
export function unstorablePath(value: unknown, path = '', depth = 0): string | null {
  if (depth > 19) return path || '(root)'
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(root)'
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const p = `${path}.${i}`
      if (Array.isArray(item)) return p
      const bad = unstorablePath(item, p, depth + 1)
      if (bad) return bad
    }
    return null
  }
  if (typeof value === 'object') {
    for (const [k, item] of Object.entries(value as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k
      if (k === '' || /^__.*__$/.test(k) || Buffer.byteLength(k, 'utf8') > 1500) return p || '(root)'
      if (item === undefined) continue
      const bad = unstorablePath(item, p, depth + 1)
      if (bad) return bad
    }
    return null
  }
  return path || '(root)'
}
