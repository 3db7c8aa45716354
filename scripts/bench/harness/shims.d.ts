/// <reference types="vite/client" />
// The harness pages are type-checked by tsconfig.node.json (scripts/**), which has no Vue shim.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
