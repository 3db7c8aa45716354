import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa'
import { prerenderShell } from './scripts/vite/prerender-shell.ts'
import { routePreload } from './scripts/vite/route-preload.ts'
import { SW_PUSH_FILE, swPush } from './scripts/vite/sw-push.ts'
import { LANGUAGE_TAG } from './src/i18n/locales.ts'
import { GLOBAL_NAMESPACES, ROUTE_MESSAGES } from './src/i18n/route-messages.ts'
import { MAIN_NAV } from './src/features/shell/nav-items.ts'
import { ICON_PATHS } from './src/ui/icons.ts'

/** Theme colours shared by the manifest and index.html (keep in step with src/ui/theme.css). */
const THEME_COLOR = '#0b5c6b'
const BACKGROUND_COLOR = '#f6f7f9'

/** Firebase (and only Firebase) goes into one chunk whose name says so: the size budget checks it. */
const FIREBASE_MODULE = /[\\/]node_modules[\\/](?:firebase|@firebase)[\\/]/

/** The web manifest, but for its words (one per language, below). */
const MANIFEST: Partial<ManifestOptions> = {
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['education', 'productivity'],
  icons: [
    { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
    { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
    { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
}

/** The install name and description in one language, from its messages (src/locales/<l>/shell.json). */
function manifestText(locale: 'en' | 'cy') {
  const path = fileURLToPath(new URL(`./src/locales/${locale}/shell.json`, import.meta.url))
  const { manifest } = JSON.parse(readFileSync(path, 'utf8')) as { manifest: { name: string; shortName: string; description: string } }
  return { name: manifest.name, short_name: manifest.shortName, description: manifest.description, lang: LANGUAGE_TAG[locale] }
}

/**
 * The Welsh web manifest beside the English one: the same manifest with the Welsh name and
 * description. src/i18n points <link rel="manifest"> at it while the app is in Welsh, so a phone
 * installs "Hwb Technegwyr".
 */
function welshManifest(): Plugin {
  return {
    name: 'welsh-manifest',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.cy.webmanifest', source: JSON.stringify({ ...MANIFEST, ...manifestText('cy') }) })
    },
  }
}

/** This build's id: a last-seen picture from another build is not shown (scripts/vite/prerender-shell.ts). */
const BUILD_ID = process.env.BUILD_ID ?? Date.now().toString(36)

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // jsPDF's optional HTML/SVG extras are never used (src/platform/stubs/jspdf-extras.ts).
      ...Object.fromEntries(
        ['html2canvas', 'canvg', 'dompurify'].map((name) => [
          name,
          fileURLToPath(new URL('./src/platform/stubs/jspdf-extras.ts', import.meta.url)),
        ]),
      ),
    },
  },
  define: {
    // vue-i18n's devtools hooks stay out of production bundles.
    __INTLIFY_PROD_DEVTOOLS__: false,
    __BUILD_ID__: JSON.stringify(BUILD_ID),
  },
  build: {
    target: 'es2022',
    // .vite/manifest.json lets scripts/size-budget.mjs follow the first route's imports.
    manifest: true,
    // A lazily loaded chunk asks Vite's helper for its stylesheets only. Its scripts' own imports
    // fetch what they need, and the first route's are already preloaded by the loader
    // (scripts/vite/route-preload.ts); every modulepreload the helper added cost ~12 ms of main
    // thread at 4× CPU, inside the task that resolves and mounts the page.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'js' ? deps.filter((d) => d.endsWith('.css')) : deps),
    },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'firebase', test: FIREBASE_MODULE, priority: 10 },
            // The local database is shared by every view; a named chunk keeps reports readable.
            { name: 'dexie', test: /[\\/]node_modules[\\/]dexie[\\/]/, priority: 5 },
          ],
        },
      },
    },
  },
  plugins: [
    vue(),
    // Messages compiled at build time: the runtime-only vue-i18n has no message compiler (no eval, smaller).
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
    }),
    // The bottom navigation's routes: the ones the app is opened on.
    routePreload(
      {
        '/': 'src/features/home/HomeView.vue',
        '/directory': 'src/features/directory/DirectoryView.vue',
        '/cpd': 'src/features/cpd/CpdView.vue',
        '/plan': 'src/features/plan/PlanView.vue',
        '/surveys': 'src/features/surveys/SurveysView.vue',
      },
      {
        '*': GLOBAL_NAMESPACES,
        ...Object.fromEntries(
          Object.entries({ '/': 'home', '/directory': 'directory', '/cpd': 'cpd', '/plan': 'plan', '/surveys': 'surveys' }).map(
            ([path, route]) => [path, [...GLOBAL_NAMESPACES, ...(ROUTE_MESSAGES[route] ?? [])]],
          ),
        ),
      },
    ),
    // Each main route's header, navigation, heading and intro in the HTML itself, in en and cy:
    // the first paint needs no script (scripts/vite/prerender-shell.ts).
    prerenderShell({
      pages: [
        { route: 'home', path: '/', title: 'home.title', intro: 'home.intro', skeletons: 2 },
        { route: 'directory', path: '/directory', title: 'directory.title', intro: 'directory.intro', mutedIntro: true },
        { route: 'cpd', path: '/cpd', title: 'cpd.view.title', intro: 'cpd.view.intro', mutedIntro: true },
        { route: 'plan', path: '/plan', title: 'plan.view.title', skeletons: 2 },
        { route: 'surveys', path: '/surveys', title: 'surveys.list.title', intro: 'surveys.list.intro', mutedIntro: true },
      ],
      nav: MAIN_NAV,
      icons: ICON_PATHS,
      tags: LANGUAGE_TAG,
      buildId: BUILD_ID,
    }),
    welshManifest(),
    // The push and notification-click handlers, loaded by the generated worker (importScripts below).
    swPush(),
    VitePWA({
      // 'prompt': an update waits for the user's "Reload" (src/features/shell/register-sw.ts registers).
      registerType: 'prompt',
      injectRegister: false,
      // The icons are in globPatterns already; adding them again duplicates precache entries.
      includeManifestIcons: false,
      strategies: 'generateSW',
      manifest: { ...MANIFEST, ...manifestText('en') },
      workbox: {
        // No webmanifest here: the plugin precaches it already, and a duplicate breaks the precache.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // Push notifications (src/sw/push.ts): shown and opened by the worker, worded on the device.
        importScripts: [SW_PUSH_FILE],
        // Firebase stays out of the initial JS (it is imported after first paint) but is precached:
        // the service worker fetches it in the background, so a signed-in member who reopens the
        // app with no network still restores their session and keeps syncing later.
        navigateFallback: 'index.html',
        // Firebase's auth handler (/__/…) and real files must reach the network.
        navigateFallbackDenylist: [/^\/__\//, /\/[^/?]+\.[a-z0-9]+$/i],
        // The first install has nothing to wait for; clientsClaim makes that first page controlled
        // without a reload. Later versions wait for the user's "Reload" (SKIP_WAITING message).
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // The PDF export's fonts (src/features/cpd/export/pdf-fonts.ts, 0.73 MB gzip): not in the
            // precache (globPatterns has no ttf), so no install downloads them for a rarely used
            // export; kept here after the first PDF export, so later ones work offline.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/[\w-]+\.ttf$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'pdf-fonts',
              expiration: { maxEntries: 4, maxAgeSeconds: 60 * 60 * 24 * 365 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // Hashed file names never change content, so cache-first is safe and works offline.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/firebase-[\w-]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'firebase-sdk',
              expiration: { maxEntries: 8, maxAgeSeconds: 60 * 60 * 24 * 365 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  preview: { port: 4173, strictPort: true },
})
