/**
 * The words of a Word document (DOCX) and the check that a rendering of it keeps them whole: a
 * table cell too narrow for its words makes a word processor break a word mid-word
 * ("Sustainabilit y"), which shows in the rendered text as pieces that are not words of the document.
 * The XML is read with happy-dom's DOMParser (as a browser reads it).
 */
import { strFromU8, unzipSync } from 'fflate'
import { Window } from 'happy-dom'

/** word/document.xml of a DOCX file. */
export function documentXml(docx: Uint8Array): string {
  const xml = unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']
  if (!xml) throw new Error('Not a DOCX: no word/document.xml')
  return strFromU8(xml)
}

type Node = { getElementsByTagName(name: string): ArrayLike<Node>; textContent: string | null }

const paragraphText = (p: Node) => Array.from(p.getElementsByTagName('w:t'), (t) => t.textContent ?? '').join('')
const textOf = (node: Node) => Array.from(node.getElementsByTagName('w:p'), paragraphText).join('\n')

/** The document's text (paragraphs, table cells included, one a line) and the text of each table cell. */
export function docxText(xml: string): { text: string; cells: string[] } {
  const window = new Window()
  try {
    const doc = new window.DOMParser().parseFromString(xml, 'application/xml') as unknown as Node
    return { text: textOf(doc), cells: Array.from(doc.getElementsByTagName('w:tc'), textOf) }
  } finally {
    void window.happyDOM.close()
  }
}

/** The words of a text: runs of letters and digits (ligatures such as "ﬁ" read as the letters they stand for). */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

function tally(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

/**
 * The words of the table cells (of `minLength` letters or more) that the rendered text does not
 * hold whole as often as the document does: a word broken across two lines of its cell is missing
 * there once (its pieces are there instead). Counting, rather than asking "is it anywhere", keeps a
 * word that is split in one cell and whole in a heading from passing.
 */
export function brokenCellWords(doc: { text: string; cells: readonly string[] }, rendered: string, minLength = 4): string[] {
  const inDoc = tally(wordsOf(doc.text))
  const inRendered = tally(wordsOf(rendered))
  const cellWords = new Set(doc.cells.flatMap(wordsOf).filter((w) => w.length >= minLength))
  return [...cellWords].filter((w) => (inRendered.get(w) ?? 0) < (inDoc.get(w) ?? 0))
}
