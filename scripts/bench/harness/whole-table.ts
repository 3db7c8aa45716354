/**
 * Bench baseline for the offline cold start: the directory rendering the WHOLE table — every
 * listed member of the device's database as the app's own MemberCard, in the app's theme — so
 * the app's "first list painted" can be compared with painting everything.
 */
import { createApp } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import '@/ui/theme.css'
import WholeTable from './WholeTable.vue'

// MemberCard links each name to the member's profile: the routes it links to must exist.
const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/', name: 'directory', component: WholeTable },
    { path: '/directory/:uid', name: 'member', component: WholeTable },
  ],
})
createApp(WholeTable).use(router).mount('#app')
