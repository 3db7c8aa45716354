/** What other features may use of surveys (the builder previews a survey as respondents see it). */
export { default as SurveyForm } from './SurveyForm.vue'
