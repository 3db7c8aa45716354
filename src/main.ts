import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { registerServiceWorker } from './features/shell/register-sw'
import { createAppRouter } from './router'
import { useUiStore } from './stores/ui'
import './ui/theme.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(createAppRouter())
app.mount('#app')

void registerServiceWorker(useUiStore(pinia))
// Session restore and sync load Firebase and Dexie: after first paint, never in the entry chunk.
void import('./modules/background').then((m) => m.startBackground(pinia))
