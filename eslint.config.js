// One lint setup for Vue + TypeScript (flat config). Formatting is left to editors; lint catches bugs.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueI18n from '@intlify/eslint-plugin-vue-i18n'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

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
  {
    // Layer map: only src/platform/firebase may import Firebase.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/platform/firebase/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@?firebase(/|$)', message: 'Only src/platform/firebase/ imports Firebase.' }] },
      ],
    },
  },
  {
    // Every string in both languages: templates show messages (src/locales), never raw text.
    // Folders join this list as they are translated; the goal is every .vue file.
    files: ['src/App.vue', 'src/features/shell/**/*.vue', 'src/features/home/HomeView.vue'],
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
