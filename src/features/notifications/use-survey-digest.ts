import { useInstitution } from '@/composables/use-institution'
import type { HubDb } from '@/db/database'
import { reads as defaultReads, type Reads } from '@/db/read'
import { repos as defaultRepos, type Repos } from '@/db/repos'

export interface DigestDeps {
  reads?: Reads
  repos?: Repos
  db?: HubDb
}

/** The member's institution, for its survey digest setting (undefined until the first sync). */
export function useDigestInstitution(deps: DigestDeps = {}) {
  return useInstitution(deps.db ? { db: deps.db } : {})
}

/**
 * A lead turns the institution's survey digest on or off: members then hear of opened surveys in
 * one notification a day rather than one each (the server reads `surveyDigest` when a survey opens).
 */
export async function saveSurveyDigest(institutionId: string, on: boolean, deps: DigestDeps = {}): Promise<void> {
  const current = await (deps.reads ?? defaultReads).institutions.get(institutionId)
  if (!current) return
  await (deps.repos ?? defaultRepos).institutions.patchFrom(institutionId, { surveyDigest: current.surveyDigest }, { surveyDigest: on })
}
