/**
 * Which message namespaces (src/locales/<l>/<namespace>.json) each page shows, so the router loads
 * only those with the page, and index.html preloads them for the page the app opens on.
 * Plain data (no imports): vite.config.ts reads it too. route-messages.test.ts walks each route's
 * components and fails when a namespace they use is missing here.
 */

/** Loaded before the app mounts: the shell and what every page uses. */
export const GLOBAL_NAMESPACES = ['shell', 'common', 'labels', 'errors']

/** Route name → the namespaces its components use beyond the global ones. */
export const ROUTE_MESSAGES: Record<string, readonly string[]> = {
  home: ['home', 'surveys', 'ideas', 'cpd', 'directory', 'registration'],
  directory: ['directory', 'profile', 'requests'],
  member: ['directory', 'profile', 'requests'],
  profile: ['profile'],
  requests: ['requests', 'cpd'],
  coverage: ['coverage'],
  'my-data': ['mydata'],
  cpd: ['cpd', 'registration'],
  'cpd-export': ['cpd', 'registration'],
  'cpd-insights': ['cpd', 'registration'],
  'cpd-entry': ['cpd'],
  registration: ['registration', 'cpd'],
  'registration-detail': ['registration', 'cpd'],
  plan: ['plan', 'ideas'],
  'plan-manage': ['planAdmin', 'plan'],
  'plan-action-edit': ['planAdmin', 'plan'],
  'plan-import': ['planAdmin', 'plan'],
  'plan-action': ['plan', 'ideas'],
  ideas: ['ideas', 'plan'],
  dashboard: ['dashboard', 'plan'],
  'self-assessment': ['selfAssessment', 'plan', 'dashboard'],
  'self-assessment-print': ['selfAssessment', 'plan', 'dashboard'],
  surveys: ['surveys'],
  'survey-new': ['surveyBuilder', 'surveys'],
  'survey-answer': ['surveys'],
  'survey-edit': ['surveyBuilder', 'surveys'],
  'survey-results': ['surveyResults', 'surveys'],
  account: ['account', 'profile', 'notifications'],
  inbox: ['notifications'],
  'inbox-settings': ['notifications'],
  'not-found': [],
}
