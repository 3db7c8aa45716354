/**
 * Changes to a registration, each read-modify-written in one transaction through the repository
 * (validated, queued for sync), so two quick edits of different competences never undo each other.
 */
import { db } from '@/db/database'
import { repos } from '@/db/repos'
import type { Registration } from '@/domain/entities'
import { newRegistration, upgradeFrom, type RegistrationStep, type RegistrationTarget, type StepState } from '@/domain/rules/registration'
import { withCompetence } from './registration-model'

/** The registration was deleted (here or on another device) while it was open. */
export class RegistrationGoneError extends Error {
  constructor() {
    super('This registration is no longer on this device')
    this.name = 'RegistrationGoneError'
  }
}

async function change(id: string, fields: (current: Registration) => Partial<Registration>): Promise<void> {
  await db.transaction('rw', [db.registrations, db.outbox, db.bases], async () => {
    const current = await db.registrations.get(id)
    if (!current || current.deleted) throw new RegistrationGoneError()
    await repos.registrations.patch(id, fields(current))
  })
}

/** Starts tracking a target, reusing a lower registration's statements and CPD when given. */
export async function startRegistration(target: RegistrationTarget, from?: Registration | null): Promise<Registration> {
  const upgraded = from ? upgradeFrom(from, target) : null
  const draft = upgraded?.ok ? upgraded.registration : newRegistration(target)
  return repos.registrations.create(draft)
}

export const setStep = (id: string, step: RegistrationStep, state: StepState) =>
  change(id, (r) => ({ steps: { ...r.steps, [step]: state } }))

export const setStatement = (id: string, areaId: string, statement: string) =>
  change(id, (r) => ({ competences: withCompetence(r.competences, areaId, { statement }) }))

export const linkCpd = (id: string, areaId: string, cpdId: string, linked: boolean) =>
  change(id, (r) => ({ competences: withCompetence(r.competences, areaId, { cpdId, linked }) }))

/** Files kept on this device (queued for upload) attached to a competence, or taken off it. */
export const attachEvidence = (id: string, areaId: string, evidenceIds: readonly string[], attached: boolean) =>
  change(id, (r) => ({ competences: withCompetence(r.competences, areaId, { evidenceIds, attached }) }))

export const setFeeSupport = (id: string, requested: boolean) => change(id, () => ({ feeSupportRequested: requested }))

export const stopTracking = (id: string) => repos.registrations.remove(id)
