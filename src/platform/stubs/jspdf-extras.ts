/**
 * jsPDF imports html2canvas, canvg and DOMPurify lazily for `.html()` and SVG, which the CPD audit
 * record never uses (it is drawn as text). vite.config.ts points those imports here, so about
 * 100 KB gzip of never-run code stays out of the bundle and the offline precache.
 */
function unavailable(): never {
  throw new Error('This jsPDF feature is not part of Technician Hub’s build')
}

export default unavailable
export const Canvg = { fromString: unavailable }
export const sanitize = unavailable
