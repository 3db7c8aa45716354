import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import { Translation } from 'vue-i18n'
import App from './App.vue'
import { i18n, initialLocale, setLocale } from './i18n'
import { registerServiceWorker } from './features/shell/register-sw'
import { createAppRouter } from './router'
import { followRouteFailures } from './router/route-failures'
import { useUiStore } from './stores/ui'
import { useSessionStore } from './stores/session'
import { firstAnswers } from './composables/settle-gate'
import { followLastSeen, holdShell } from './features/shell/last-seen'
import './ui/theme.css'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
app.use(pinia)
app.use(router)
app.use(i18n)
// The build installs vue-i18n without its components (fullInstall: false, for size): <i18n-t>,
// which sentences with a link or a bold part use, is registered here, or it renders nothing.
app.component('I18nT', Translation)
// A page whose chunk or messages could not be fetched says so, with a way to try again, instead
// of leaving the page empty (the first navigation) or the tap without effect (a later one).
const ui = useUiStore(pinia)
followRouteFailures(router, (path) => (ui.routeFailed = path))
// The language's messages are a chunk of their own (none in the entry): load them, then mount.
// #app holds the prerendered shell (scripts/vite/prerender-shell.ts) until the mount replaces it:
// mounting once the first route is resolved (its chunk and words are in) swaps the shell for the
// whole page at once, never for an empty page first.
await Promise.all([setLocale(initialLocale()), router.isReady().catch(() => undefined)])
// When the shell shows this page as the member last saw it, it stays on screen over the mounting
// app until the app's page has its data, then the two swap in one frame (no flash, no shift).
const appEl = document.getElementById('app') as HTMLElement
const release = holdShell(appEl, firstAnswers)
app.mount(appEl)
if (release) void release()
// The main pages' last-seen pictures, for the next start (only while signed in).
const session = useSessionStore(pinia)
const lastSeen = followLastSeen({ router, buildId: __BUILD_ID__, mayKeep: () => session.signedIn && !ui.routeFailed })
watch(
  () => session.signedIn,
  (signedIn) => signedIn && lastSeen.refresh(),
)

void registerServiceWorker(ui)
// Session restore and sync load Firebase and Dexie: never in the entry chunk, and only once the page
// has loaded and the main thread is idle, so they never hold back a route's first list (offline
// cold start of the directory measured 3.8 s → see npm run bench).
const startBackground = () => void import('./modules/background').then((m) => m.startBackground(pinia))
const whenIdle = () =>
  'requestIdleCallback' in window ? requestIdleCallback(startBackground, { timeout: 1500 }) : setTimeout(startBackground, 300)
if (document.readyState === 'complete') whenIdle()
else window.addEventListener('load', whenIdle, { once: true })
