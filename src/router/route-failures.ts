import type { Router } from 'vue-router'

/**
 * Reports the address of a page whose code or words could not be fetched (a lazy route chunk, or
 * a guard that loads messages, rejected), and null once a page shows. Without it the first
 * navigation's failure left an empty page and a later one a tap that did nothing.
 */
export function followRouteFailures(router: Router, report: (path: string | null) => void): void {
  router.onError((_error, to) => report(to.fullPath))
  router.afterEach((_to, _from, failure) => {
    if (!failure) report(null)
  })
}
