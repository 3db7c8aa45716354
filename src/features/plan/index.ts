/** What other features may use of the plan (the dashboard shows each success measure's trend). */
export { default as MeasureTrend } from './MeasureTrend.vue'
