/**
 * What other features may use of notifications: the header's link with the unread count (the
 * shell's entry chunk: it loads the local database only after first paint), and a lead's survey
 * digest setting for the institution settings (loaded with the page that shows it).
 */
import { defineAsyncComponent } from 'vue'

export { default as NotificationsLink } from './NotificationsLink.vue'
export const SurveyDigestSetting = defineAsyncComponent(() => import('./SurveyDigestSetting.vue'))
