import { defineConfig } from '@playwright/test'

/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium) against the built PWA served by
 * `vite preview` (APP_URL); Playwright's own browser download cannot work on this machine kind.
 */
const APP_URL = process.env.APP_URL ?? 'http://127.0.0.1:4173'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/browser',
  // Service workers, IndexedDB and offline emulation are per context; tests stay independent.
  fullyParallel: false,
  // Two workers in CI too: the configuration the full fresh-clone run passed with (see the note).
  workers: 2,
  retries: 0,
  // A screen's test on a busy 2-core machine (another stack, or stress-ng, beside it) takes several
  // times what it takes idle: no test asserts a duration, so the limits leave room for that.
  // Whole scenarios (several devices, sync, exports) mark themselves test.slow(): three times this.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  // One folder per stack slot: two runs side by side must not clear each other's artifacts.
  outputDir: process.env.STACK_SLOT ? `test-results/slot-${process.env.STACK_SLOT}` : 'test-results',
  use: {
    baseURL: APP_URL,
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    screen: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'mobile-chromium' }],
})
