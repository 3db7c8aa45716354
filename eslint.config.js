// One lint setup for Vue + TypeScript (flat config). Formatting is left to editors; lint catches bugs.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueI18n from '@intlify/eslint-plugin-vue-i18n'
import globals from 'globals'
import prettier from 'eslint-config-prettier'
import { readdirSync } from 'node:fs'

const FIREBASE = { regex: '^@?firebase(/|$)', message: 'Only src/platform/firebase/ imports Firebase.' }
const DB_IN_VUE = {
  group: ['@/db', '@/db/*'],
  message: "Components read and write through their feature's composables (use-*.ts), never Dexie directly.",
}
const ENGINES = ['sync', 'survey-engine', 'evidence-engine']
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)

/**
 * Only src/platform/firebase imports Firebase; components never import src/db; a feature uses
 * another feature only through its index.ts (or a lazily loaded view, as the router does); the
 * shared layers (ui, composables, db, stores, engines) import no feature.
 */
function layerRules() {
  const blocks = [
    { files: ['src/**/*.ts'], ignores: ['src/platform/firebase/**'], patterns: [FIREBASE] },
    { files: ['src/**/*.vue'], patterns: [FIREBASE, DB_IN_VUE] },
    {
      files: ['src/{ui,composables,db,stores,sync,search,survey-engine,evidence-engine,i18n,platform}/**/*.{ts,vue}'],
      ignores: ['src/platform/firebase/**', 'src/**/*.test.ts'],
      patterns: [FIREBASE, { group: ['@/features/*', '@/features/**'], message: 'Shared layers import no feature.' }],
    },
    // The engines talk to the server only through the port the app gives them, and not to each other.
    ...ENGINES.map((engine) => ({
      files: [`src/${engine}/**/*.ts`],
      ignores: ['src/**/*.test.ts'],
      patterns: [
        FIREBASE,
        { group: ['@/features/*', '@/features/**'], message: 'Shared layers import no feature.' },
        {
          group: [
            '@/platform/load',
            '@/platform/firebase',
            '@/platform/firebase/*',
            ...ENGINES.filter((e) => e !== engine).map((e) => `@/${e}/*`),
          ],
          message: 'An engine gets its port injected (src/modules/background.ts) and imports no other engine.',
        },
      ],
    })),
    ...FEATURES.flatMap((feature) => {
      const internals = {
        group: ['@/features/*/**', `!@/features/${feature}/**`],
        message: 'Use another feature through its index.ts; move shared code to domain, composables or ui.',
      }
      return [
        { files: [`src/features/${feature}/**/*.ts`], patterns: [FIREBASE, internals] },
        { files: [`src/features/${feature}/**/*.vue`], patterns: [FIREBASE, DB_IN_VUE, internals] },
      ]
    }),
  ]
  return blocks.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  }))
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-slot-*/**',
      '.tmp/**',
      'functions/lib/**',
      'node_modules/**',
      'coverage/**',
      'dev-dist/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  // Layer map (docs/architecture.md): imports point down. Each block below sets the whole
  // no-restricted-imports list for its files (a later block replaces an earlier one's list).
  ...layerRules(),
  {
    // Every string in both languages: templates show messages (src/locales), never raw text.
    files: ['src/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    rules: { '@intlify/vue-i18n/no-raw-text': ['error', { ignorePattern: '^[\\s\\p{P}\\p{S}\\d]+$' }] },
    settings: { 'vue-i18n': { messageSyntaxVersion: '^11.0.0' } },
  },
  {
    // The domain is pure: no app layers, no Dexie, no Vue.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'dexie',
                'vue',
                'pinia',
                '@/db/*',
                '@/sync/*',
                '@/stores/*',
                '@/features/*',
                '@/platform/*',
                'firebase',
                'firebase/*',
              ],
              message: 'src/domain imports nothing of the app.',
            },
          ],
        },
      ],
    },
  },
  // Formatting belongs to Prettier (.prettierrc.json); turn off the style rules it owns.
  prettier,
)
