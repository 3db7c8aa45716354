import { watch } from 'vue'
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalizedLoaded,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router'
import { i18n, loadNamespaces } from '@/i18n'
import { ROUTE_MESSAGES } from '@/i18n/route-messages'
import { focusPageHeading, pageTitle } from './page-focus'
import { markReadFromPush } from './read-from-push'

/** One lazily loaded chunk per feature: the first paint needs only the shell. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/features/home/HomeView.vue') },
  {
    path: '/directory',
    name: 'directory',
    component: () => import('@/features/directory/DirectoryView.vue'),
  },
  {
    path: '/directory/:uid',
    name: 'member',
    component: () => import('@/features/directory/MemberProfileView.vue'),
  },
  { path: '/profile', name: 'profile', component: () => import('@/features/profile/ProfileView.vue') },
  {
    path: '/requests',
    name: 'requests',
    component: () => import('@/features/requests/RequestsView.vue'),
  },
  {
    path: '/coverage',
    name: 'coverage',
    component: () => import('@/features/coverage/CoverageView.vue'),
  },
  { path: '/my-data', name: 'my-data', component: () => import('@/features/mydata/MyDataView.vue') },
  { path: '/cpd', name: 'cpd', component: () => import('@/features/cpd/CpdView.vue') },
  {
    path: '/cpd/export',
    name: 'cpd-export',
    component: () => import('@/features/cpd/export/CpdExportView.vue'),
  },
  {
    path: '/cpd/insights',
    name: 'cpd-insights',
    component: () => import('@/features/cpd/CpdInsightsView.vue'),
  },
  { path: '/cpd/:id', name: 'cpd-entry', component: () => import('@/features/cpd/CpdEntryView.vue') },
  {
    path: '/registration',
    name: 'registration',
    component: () => import('@/features/registration/RegistrationView.vue'),
  },
  {
    path: '/registration/:id',
    name: 'registration-detail',
    component: () => import('@/features/registration/RegistrationDetailView.vue'),
  },
  { path: '/plan', name: 'plan', component: () => import('@/features/plan/PlanView.vue') },
  {
    path: '/plan/manage',
    name: 'plan-manage',
    component: () => import('@/features/plan-admin/PlanAdminView.vue'),
  },
  {
    path: '/plan/manage/actions/:actionId',
    name: 'plan-action-edit',
    component: () => import('@/features/plan-admin/ActionEditView.vue'),
  },
  {
    path: '/plan/manage/import',
    name: 'plan-import',
    component: () => import('@/features/plan-admin/CsvImportView.vue'),
  },
  { path: '/plan/:actionId', name: 'plan-action', component: () => import('@/features/plan/ActionView.vue') },
  { path: '/ideas', name: 'ideas', component: () => import('@/features/ideas/IdeasView.vue') },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('@/features/dashboard/DashboardView.vue'),
  },
  {
    path: '/self-assessment',
    name: 'self-assessment',
    component: () => import('@/features/self-assessment/SelfAssessmentView.vue'),
  },
  {
    path: '/self-assessment/print',
    name: 'self-assessment-print',
    component: () => import('@/features/self-assessment/AssessmentPrintView.vue'),
  },
  { path: '/surveys', name: 'surveys', component: () => import('@/features/surveys/SurveysView.vue') },
  {
    path: '/surveys/new',
    name: 'survey-new',
    component: () => import('@/features/survey-builder/SurveyNewView.vue'),
  },
  {
    path: '/surveys/:id',
    name: 'survey-answer',
    component: () => import('@/features/surveys/SurveyAnswerView.vue'),
  },
  {
    path: '/surveys/:id/edit',
    name: 'survey-edit',
    component: () => import('@/features/survey-builder/SurveyBuilderView.vue'),
  },
  {
    path: '/surveys/:id/results',
    name: 'survey-results',
    component: () => import('@/features/survey-results/SurveyResultsView.vue'),
  },
  { path: '/account', name: 'account', component: () => import('@/features/account/AccountView.vue') },
  { path: '/inbox', name: 'inbox', component: () => import('@/features/notifications/InboxView.vue') },
  {
    path: '/inbox/settings',
    name: 'inbox-settings',
    component: () => import('@/features/notifications/NotificationSettingsView.vue'),
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/shell/NotFoundView.vue'),
  },
]

/** Builds the router; tests pass a memory history. */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash } : { top: 0 }),
  })
  markReadFromPush(router)
  // A page's words arrive with it: its message namespaces load before it shows.
  router.beforeResolve((to) => loadNamespaces(ROUTE_MESSAGES[String(to.name)] ?? []))
  router.afterEach((to, from, failure) => {
    if (failure) return
    showTitle(to)
    // On the first load the reader starts at the top anyway; after that, move focus to the new
    // page's heading so screen reader and keyboard users land on it.
    if (from.matched.length > 0 && to.path !== from.path) void focusPageHeading()
  })
  // The title follows the language too (a switch re-titles the page without navigating).
  watch(i18n.global.locale, () => showTitle(router.currentRoute.value))
  return router
}

/** document.title: "<page> · <app>", both in the language shown (src/locales/<l>/shell.json `pages`). */
function showTitle(route: RouteLocationNormalizedLoaded): void {
  const { t, te } = i18n.global
  const key = `shell.pages.${String(route.name ?? '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`
  document.title = pageTitle(te(key) ? t(key) : undefined, t('shell.brand'))
}
