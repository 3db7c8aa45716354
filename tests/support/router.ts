/** A router for component tests. Not imported by app code. */
import type { Component } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

const Blank = { render: () => null }

/** An in-memory router with these routes (one with no component renders nothing), already at `path`. */
export async function routerAt(path: string, routes: readonly { path: string; name?: string; component?: Component }[]): Promise<Router> {
  const router = createRouter({ history: createMemoryHistory(), routes: routes.map((r) => ({ ...r, component: r.component ?? Blank })) })
  await router.push(path)
  return router
}
