/** What other features may use of ideas (the plan page lists and proposes ideas per action). */
export { default as IdeaForm } from './IdeaForm.vue'
export { default as IdeaList } from './IdeaList.vue'
export { useIdeas } from './use-ideas'
