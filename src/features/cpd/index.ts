/** What other features may use of CPD: the evidence files (attach, list, upload, remove). */
export { default as EvidenceList } from './evidence/EvidenceList.vue'
export { default as EvidencePicker } from './evidence/EvidencePicker.vue'
export { removeFile } from './evidence/evidence-actions'
export { startEvidenceUploads } from './evidence/evidence-uploads'
export { useEvidenceItems } from './evidence/use-evidence'
