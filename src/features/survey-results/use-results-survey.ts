import type { Ref, ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/use-live-query'
import { reads } from '@/db/read'
import { repos } from '@/db/repos'
import type { Idea, Institution, Survey } from '@/domain/entities'

/** The survey on this device (its questions and their Welsh), for ordering and labelling results. */
export function useResultsSurvey(surveyId: Ref<string>): ShallowRef<Survey | undefined> {
  return useLiveQuery<Survey | undefined>(() => reads.surveys.get(surveyId.value), { initial: undefined, deps: surveyId })
}

/** The institution's faculties, to name the breakdown's groups. */
export function useResultsFaculties(): ShallowRef<Institution['faculties']> {
  return useLiveQuery<Institution['faculties']>(async () => (await reads.institutions.all())[0]?.faculties ?? [], { initial: [] })
}

/** Adds an idea made from the results to the action plan's ideas (document + outbox row); returns it. */
export async function addResultsIdea(fields: Omit<Idea, 'id' | 'updatedAt' | 'version' | 'deleted' | 'lastMutationId'>): Promise<Idea> {
  return repos.ideas.create(fields)
}
