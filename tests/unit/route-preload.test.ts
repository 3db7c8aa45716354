import type { OutputBundle, OutputChunk } from 'rolldown'
import { describe, expect, it } from 'vitest'
import { localeChunks, preloadMap } from '../../scripts/vite/route-preload'

const chunk = (fileName: string, imports: string[], extra: Partial<OutputChunk> = {}) =>
  ({ type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, ...extra }) as unknown as OutputChunk

describe('route preload map', () => {
  const bundle = Object.fromEntries(
    [
      chunk('assets/index.js', ['assets/vue.js'], { isEntry: true, facadeModuleId: '/app/index.html' }),
      chunk('assets/vue.js', []),
      chunk('assets/DirectoryView.js', ['assets/vue.js', 'assets/database.js'], { facadeModuleId: '/app/src/DirectoryView.vue' }),
      chunk('assets/database.js', ['assets/dexie.js']),
      chunk('assets/dexie.js', []),
      chunk('assets/HomeView.js', ['assets/vue.js'], { facadeModuleId: '/app/src/HomeView.vue' }),
    ].map((c) => [c.fileName, c]),
  ) as OutputBundle

  it('lists each route’s chunk and everything it imports, except what the entry already loads', () => {
    expect(preloadMap(bundle, { '/': 'src/HomeView.vue', '/directory': 'src/DirectoryView.vue' }, '/app')).toEqual({
      '/': ['assets/HomeView.js'],
      '/directory': ['assets/DirectoryView.js', 'assets/database.js', 'assets/dexie.js'],
    })
  })

  it('fails the build when a route’s component has no chunk (a renamed view would silently lose its preload)', () => {
    expect(() => preloadMap(bundle, { '/cpd': 'src/CpdView.vue' }, '/app')).toThrow(/no chunk for src\/CpdView.vue/)
  })
})

describe('message chunks', () => {
  it('are found per language and namespace', () => {
    const bundle = Object.fromEntries(
      [
        chunk('assets/shell-a.js', [], { facadeModuleId: '/app/src/locales/en/shell.json' }),
        chunk('assets/shell-b.js', [], { facadeModuleId: '/app/src/locales/cy/shell.json' }),
        chunk('assets/cpd-c.js', [], { facadeModuleId: '/app/src/locales/cy/cpd.json' }),
        chunk('assets/HomeView.js', [], { facadeModuleId: '/app/src/HomeView.vue' }),
      ].map((c) => [c.fileName, c]),
    ) as OutputBundle
    expect(localeChunks(bundle, '/app')).toEqual({
      en: { shell: 'assets/shell-a.js' },
      cy: { shell: 'assets/shell-b.js', cpd: 'assets/cpd-c.js' },
    })
  })
})
