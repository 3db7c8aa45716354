/**
 * What `firebase deploy` would create is what the emulators run and what the client calls:
 * a Cloud Functions runtime that is still supported, the same Node major locally, and one region.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FUNCTIONS_REGION } from '@/domain/deployment'
import { readConfig } from '@/platform/firebase/config'
import * as functions from './index'

const root = new URL('../../', import.meta.url)
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'))

/**
 * Cloud Functions' Node.js runtimes and the dates Google announced for them (deprecation: no new
 * deploys recommended; decommission: no create or update at all). A runtime missing here is unknown.
 */
const RUNTIMES: Record<string, { deprecated: string; decommissioned: string } | undefined> = {
  nodejs18: { deprecated: '2025-04-30', decommissioned: '2025-10-31' },
  nodejs20: { deprecated: '2026-04-30', decommissioned: '2026-10-30' },
  nodejs22: { deprecated: '2027-04-30', decommissioned: '2027-10-31' },
  nodejs24: { deprecated: '2028-04-30', decommissioned: '2028-10-31' },
}

describe('the deploy target', () => {
  const runtime: string = json('firebase.json').functions[0].runtime
  const major = (v: string) => v.replace(/^v?(\d+).*$/, '$1')

  it('is a Cloud Functions runtime that is not deprecated today', () => {
    const dates = RUNTIMES[runtime]
    expect(dates, `unknown runtime ${runtime}`).toBeDefined()
    expect(Date.parse(dates!.deprecated), `${runtime} is deprecated from ${dates!.deprecated}`).toBeGreaterThan(Date.now())
  })

  it('names one Node major everywhere: firebase.json, functions/package.json, .nvmrc (the Node the toolchain and the functions emulator run on)', () => {
    const want = runtime.replace('nodejs', '')
    expect(String(json('functions/package.json').engines.node)).toBe(want)
    expect(major(readFileSync(new URL('.nvmrc', root), 'utf8').trim())).toBe(want)
    expect(String(json('package.json').engines.node)).toBe(`${want}.x`)
  })

  it('runs the tests on that Node (npm test starts through scripts/node.sh)', () => {
    expect(major(process.version)).toBe(runtime.replace('nodejs', ''))
  })

  it('deploys every function to the region the client calls, europe-west2 (London)', () => {
    expect(FUNCTIONS_REGION).toBe('europe-west2')
    expect(readConfig({}).region).toBe(FUNCTIONS_REGION)
    const endpoints = Object.entries(functions).flatMap(([name, f]) => {
      const endpoint = (f as { __endpoint?: { region?: string[] } }).__endpoint
      return endpoint ? [[name, endpoint.region] as const] : []
    })
    expect(endpoints.length).toBeGreaterThan(10)
    for (const [name, region] of endpoints) expect(region, name).toEqual([FUNCTIONS_REGION])
  })
})
