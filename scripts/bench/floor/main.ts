/**
 * The framework floor for the size figures: the smallest app on the same stack (Vue + Pinia +
 * vue-router, one route) with a lazily imported Firebase chunk using the same SDK entry points as
 * src/platform/firebase. Built by scripts/bench/size.mjs with the app's chunking rules.
 */
import { createPinia, defineStore } from 'pinia'
import { createApp, h, ref } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'

const useGreeting = defineStore('greeting', () => ({ name: ref('technicians') }))

const Hello = {
  setup() {
    const greeting = useGreeting()
    const connected = ref(false)
    const connect = () => import('./sdk-floor').then((m) => (connected.value = m.connect() !== null))
    return () =>
      h('main', [h('h1', `Hello, ${greeting.name}`), h('button', { onClick: connect }, connected.value ? 'Connected' : 'Connect')])
  },
}

createApp({ render: () => h(RouterView) })
  .use(createPinia())
  .use(createRouter({ history: createWebHistory(), routes: [{ path: '/', component: Hello }] }))
  .mount('#app')
