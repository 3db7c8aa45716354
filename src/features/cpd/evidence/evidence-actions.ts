/** The evidence changes components make, each through the evidence queue on this device's database. */
import { keepEvidence, removeEvidence, retryEvidence, type EvidenceOwner, type PreparedEvidence } from '@/evidence-engine/queue'
import { db } from '@/db/database'

/** Keeps a prepared file on this device for a draft or an entry; its id. */
export const keepFile = (file: PreparedEvidence, owner: EvidenceOwner): Promise<string> => keepEvidence(db, file, owner)

/** Tries a failed upload again now. */
export const retryUpload = (id: string) => retryEvidence(db, id)

/** Takes a saved file off: dropped if never uploaded, else its removal from the server is queued. */
export const removeFile = async (id: string) => removeEvidence(db, id, Boolean(await db.evidence.get(id)))

/** Drops a file attached since the last save (it was never uploaded). */
export const dropHeldFile = (id: string) => removeEvidence(db, id, false)
