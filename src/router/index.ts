import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import { focusPageHeading, pageTitle } from './page-focus'

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's name: document.title becomes "<title> · Technician Hub". */
    title: string
  }
}

/** One lazily loaded chunk per feature: the first paint needs only the shell. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/features/home/HomeView.vue'), meta: { title: 'Home' } },
  {
    path: '/directory',
    name: 'directory',
    component: () => import('@/features/directory/DirectoryView.vue'),
    meta: { title: 'Directory' },
  },
  {
    path: '/directory/:uid',
    name: 'member',
    component: () => import('@/features/directory/MemberProfileView.vue'),
    meta: { title: 'Colleague' },
  },
  { path: '/profile', name: 'profile', component: () => import('@/features/profile/ProfileView.vue'), meta: { title: 'Your profile' } },
  {
    path: '/requests',
    name: 'requests',
    component: () => import('@/features/requests/RequestsView.vue'),
    meta: { title: 'Skill-share requests' },
  },
  {
    path: '/coverage',
    name: 'coverage',
    component: () => import('@/features/coverage/CoverageView.vue'),
    meta: { title: 'Skills coverage' },
  },
  { path: '/my-data', name: 'my-data', component: () => import('@/features/mydata/MyDataView.vue'), meta: { title: 'My data' } },
  { path: '/cpd', name: 'cpd', component: () => import('@/features/cpd/CpdView.vue'), meta: { title: 'CPD' } },
  {
    path: '/cpd/export',
    name: 'cpd-export',
    component: () => import('@/features/cpd/export/CpdExportView.vue'),
    meta: { title: 'Export CPD for audit' },
  },
  {
    path: '/cpd/insights',
    name: 'cpd-insights',
    component: () => import('@/features/cpd/CpdInsightsView.vue'),
    meta: { title: 'CPD across the institution' },
  },
  { path: '/cpd/:id', name: 'cpd-entry', component: () => import('@/features/cpd/CpdEntryView.vue'), meta: { title: 'CPD entry' } },
  {
    path: '/registration',
    name: 'registration',
    component: () => import('@/features/registration/RegistrationView.vue'),
    meta: { title: 'Professional registration' },
  },
  {
    path: '/registration/:id',
    name: 'registration-detail',
    component: () => import('@/features/registration/RegistrationDetailView.vue'),
    meta: { title: 'Registration' },
  },
  { path: '/plan', name: 'plan', component: () => import('@/features/plan/PlanView.vue'), meta: { title: 'Action plan' } },
  {
    path: '/plan/manage',
    name: 'plan-manage',
    component: () => import('@/features/plan-admin/PlanAdminView.vue'),
    meta: { title: 'Manage the plan' },
  },
  {
    path: '/plan/manage/actions/:actionId',
    name: 'plan-action-edit',
    component: () => import('@/features/plan-admin/ActionEditView.vue'),
    meta: { title: 'Edit action' },
  },
  {
    path: '/plan/manage/import',
    name: 'plan-import',
    component: () => import('@/features/plan-admin/CsvImportView.vue'),
    meta: { title: 'Import actions' },
  },
  { path: '/plan/:actionId', name: 'plan-action', component: () => import('@/features/plan/ActionView.vue'), meta: { title: 'Action' } },
  { path: '/ideas', name: 'ideas', component: () => import('@/features/ideas/IdeasView.vue'), meta: { title: 'Ideas and votes' } },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('@/features/dashboard/DashboardView.vue'),
    meta: { title: 'Dashboard' },
  },
  {
    path: '/self-assessment',
    name: 'self-assessment',
    component: () => import('@/features/self-assessment/SelfAssessmentView.vue'),
    meta: { title: 'Self-assessment' },
  },
  {
    path: '/self-assessment/print',
    name: 'self-assessment-print',
    component: () => import('@/features/self-assessment/AssessmentPrintView.vue'),
    meta: { title: 'Self-assessment (print)' },
  },
  { path: '/surveys', name: 'surveys', component: () => import('@/features/surveys/SurveysView.vue'), meta: { title: 'Surveys' } },
  {
    path: '/surveys/new',
    name: 'survey-new',
    component: () => import('@/features/survey-builder/SurveyNewView.vue'),
    meta: { title: 'New survey' },
  },
  {
    path: '/surveys/:id',
    name: 'survey-answer',
    component: () => import('@/features/surveys/SurveyAnswerView.vue'),
    meta: { title: 'Survey' },
  },
  {
    path: '/surveys/:id/edit',
    name: 'survey-edit',
    component: () => import('@/features/survey-builder/SurveyBuilderView.vue'),
    meta: { title: 'Build a survey' },
  },
  {
    path: '/surveys/:id/results',
    name: 'survey-results',
    component: () => import('@/features/survey-results/SurveyResultsView.vue'),
    meta: { title: 'Survey results' },
  },
  { path: '/account', name: 'account', component: () => import('@/features/account/AccountView.vue'), meta: { title: 'Account' } },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/shell/NotFoundView.vue'),
    meta: { title: 'Page not found' },
  },
]

/** Builds the router; tests pass a memory history. */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash } : { top: 0 }),
  })
  router.afterEach((to, from, failure) => {
    if (failure) return
    document.title = pageTitle(to.meta.title)
    // On the first load the reader starts at the top anyway; after that, move focus to the new
    // page's heading so screen reader and keyboard users land on it.
    if (from.matched.length > 0 && to.path !== from.path) void focusPageHeading()
  })
  return router
}
