/**
 * What other features may use of notifications: the header's link with the unread count (the
 * shell's entry chunk: it loads the local database only after first paint). The account page loads
 * a lead's survey digest setting lazily itself (as the router loads a page), so the shell's message
 * namespaces stay its own.
 */
export { default as NotificationsLink } from './NotificationsLink.vue'
