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
  { path: '/directory', name: 'directory', component: () => import('@/features/directory/DirectoryView.vue'), meta: { title: 'Directory' } },
  { path: '/cpd', name: 'cpd', component: () => import('@/features/cpd/CpdView.vue'), meta: { title: 'CPD' } },
  { path: '/plan', name: 'plan', component: () => import('@/features/plan/PlanView.vue'), meta: { title: 'Action plan' } },
  { path: '/surveys', name: 'surveys', component: () => import('@/features/surveys/SurveysView.vue'), meta: { title: 'Surveys' } },
  { path: '/account', name: 'account', component: () => import('@/features/account/AccountView.vue'), meta: { title: 'Account' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/features/shell/NotFoundView.vue'), meta: { title: 'Page not found' } },
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
