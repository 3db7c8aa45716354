/**
 * A Web Push endpoint on 127.0.0.1 standing in for a push service: it records what the functions
 * send, answers with the status a test chooses per path (201, or 404/410 for a gone subscription),
 * and decrypts a payload as a browser would (RFC 8291 aes128gcm, with node:crypto ECDH and HKDF)
 * with the keys of a test subscription made here. It also checks the VAPID signature (RFC 8292).
 */
import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A browser-side subscription: the endpoint, the keys the server encrypts to, and the private half. */
export interface TestSubscription {
  endpoint: string
  keys: { p256dh: string; auth: string }
  ecdh: ECDH
  authSecret: Buffer
}

export interface ReceivedPush {
  path: string
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

export interface PushEndpoint {
  origin: string
  received: ReceivedPush[]
  /** The status to answer for a path (default 201 Created). */
  answer(path: string, status: number): void
  /** A new subscription whose endpoint is `${origin}${path}`. */
  subscription(path: string): TestSubscription
  close(): Promise<void>
}

export async function startPushEndpoint(): Promise<PushEndpoint> {
  const received: ReceivedPush[] = []
  const statuses = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = req.url ?? '/'
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) })
      res.statusCode = statuses.get(path) ?? 201
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    received,
    answer: (path, status) => statuses.set(path, status),
    subscription(path) {
      const ecdh = createECDH('prime256v1')
      ecdh.generateKeys()
      const authSecret = randomBytes(16)
      return {
        endpoint: `${origin}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
        ecdh,
        authSecret,
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Decrypts an aes128gcm Web Push message body (RFC 8188 framing, RFC 8291 keys) for `sub`. */
export function decryptPush(sub: TestSubscription, body: Buffer): string {
  // Header: salt (16) | record size (4) | key id length (1) | key id = the server's ephemeral public key.
  const salt = body.subarray(0, 16)
  const idLength = body.readUInt8(20)
  const serverPublic = body.subarray(21, 21 + idLength)
  const ciphertext = body.subarray(21 + idLength)
  const ecdhSecret = sub.ecdh.computeSecret(serverPublic)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), sub.ecdh.getPublicKey(), serverPublic])
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, sub.authSecret, keyInfo, 32))
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  // One record (the payload is small): ciphertext then a 16-byte tag.
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()])
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (padded[end] !== 2) throw new Error('not a final aes128gcm record')
  return padded.subarray(0, end).toString('utf8')
}

/**
 * Checks a push request's `Authorization: vapid t=<JWT>, k=<public key>` header: the JWT is ES256
 * over the endpoint's origin as audience, signed by the key given. Returns the key and the claims.
 */
export function verifyVapid(header: string | undefined, audience: string): { publicKey: string; claims: Record<string, unknown> } {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '')
  if (!match) throw new Error(`no VAPID authorization: ${header}`)
  const [, jwt, k] = match as unknown as [string, string, string]
  const [head, payload, signature] = jwt.split('.') as [string, string, string]
  const raw = Buffer.from(k, 'base64url')
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  })
  const ok = verify('sha256', Buffer.from(`${head}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))
  if (!ok) throw new Error('VAPID signature does not verify')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  if (claims.aud !== audience) throw new Error(`VAPID audience ${String(claims.aud)} is not ${audience}`)
  return { publicKey: k, claims }
}
