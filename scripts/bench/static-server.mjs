/**
 * A tiny static file server for the bench's harness pages and the static baseline page:
 * gzip when the client accepts it (as any real host would), no caching headers, no SPA fallback.
 */
import { createServer } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves `mounts` ({ '/prefix/': folder }) on 127.0.0.1:port. A path ending in '/' serves index.html.
 * Resolves with { url, close }.
 */
export function serveStatic(mounts, port) {
  const gzipCache = new Map()
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const prefix = Object.keys(mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0]
    if (!prefix) return notFound(res)
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '')
    let file = join(mounts[prefix], rel)
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) return notFound(res)
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    let body = readFileSync(file)
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' }
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && /text|javascript|json|svg/.test(type)) {
      const key = `${file}:${statSync(file).mtimeMs}`
      if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body))
      body = gzipCache.get(key)
      headers['Content-Encoding'] = 'gzip'
    }
    headers['Content-Length'] = body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) })
    })
  })
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain' })
  res.end('not found')
}
