/**
 * Runs the evidence uploads for whoever is signed in: started once by any screen that shows CPD
 * (and by Home), it lives as long as the app. Files queued offline go up when the connection
 * returns, from whichever screen is open.
 */
import { liveQuery } from 'dexie'
import type { Pinia } from 'pinia'
import { effectScope, watch } from 'vue'
import { nextDue } from '@/evidence-engine/queue'
import { startUploadSchedule, type UploadSchedule } from '@/evidence-engine/schedule'
import { createEvidenceUploader } from '@/evidence-engine/uploader'
import { db } from '@/db/database'
import { loadPlatform } from '@/platform/load'
import { useSessionStore } from '@/stores/session'

let started = false

export function startEvidenceUploads(pinia?: Pinia): void {
  if (started) return
  started = true
  let schedule: UploadSchedule | null = null
  let queued = 0
  effectScope(true).run(() => {
    const session = useSessionStore(pinia)
    watch(
      () => session.session?.uid ?? null,
      async (uid) => {
        schedule?.stop()
        schedule = null
        if (!uid) return
        const platform = await loadPlatform()
        if (session.session?.uid !== uid) return
        const uploader = createEvidenceUploader({ db, store: platform.cpd.evidence })
        schedule = startUploadSchedule({ run: () => uploader.runOnce(), nextDue: () => nextDue(db) })
      },
      { immediate: true },
    )
  })
  // A file queued in any tab asks for a pass at once.
  liveQuery(() => db.evidenceBlobs.where('state').anyOf('pending', 'deleting').count()).subscribe((n) => {
    if (n > queued) schedule?.trigger()
    queued = n
  })
}
