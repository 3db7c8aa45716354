import { Packer } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildAssessment } from './assessment-model'
import { buildDocx } from './render-docx'
import { demoInput, STATS } from '../../../tests/support/assessment-input'

describe('buildDocx', () => {
  it('writes a Word file whose document.xml holds the headings, the RAG table and the voice counts', async () => {
    const model = buildAssessment(demoInput({ stats: STATS }))
    const buffer = await Packer.toBuffer(buildDocx(model))
    const files = unzipSync(new Uint8Array(buffer))
    expect(Object.keys(files)).toContain('word/document.xml')
    const xml = strFromU8(files['word/document.xml']!)
    const text = xml.replace(/<[^>]+>/g, ' ')
    expect(text).toContain('RAG analysis of the previous action plan')
    expect(text).toContain('Please provide a RAG analysis on your institutional 24-month action plan')
    expect(text).toContain('Participation fell to 48%')
    expect(text).toContain('Technician voice: ideas, comments and votes')
    expect(text).toContain('Total to 23 November 2026')
    expect(text).toContain('Technicians work in five faculties.')
    // RAG cells are coloured as well as worded.
    expect(xml).toMatch(/w:fill="F4B6B0"/)
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThan(5)
  })
})
