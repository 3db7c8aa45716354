/** Saving the generated DOCX: the docx library loads only now, on the lead's request. */
import { isoDateOf } from '@/domain/rules/dates'
import { downloadBlob } from '@/ui/download'
import type { AssessmentModel } from './assessment-model'
import type { Stage } from './template'

/** "technician-commitment-stage-two-2026-11-23.docx" (a Welsh document ends "-cy.docx"). */
export function docxFileName(stage: Stage, now: number, locale: AssessmentModel['locale'] = 'en'): string {
  return `technician-commitment-stage-${stage}-${isoDateOf(now)}${locale === 'en' ? '' : `-${locale}`}.docx`
}

/** Renders the document and hands it to the browser as a download; returns the file name. */
export async function downloadDocx(model: AssessmentModel, stage: Stage, now = Date.now()): Promise<string> {
  const { renderDocxBlob } = await import('./render-docx')
  const blob = await renderDocxBlob(model)
  const name = docxFileName(stage, now, model.locale)
  downloadBlob(name, blob)
  return name
}
