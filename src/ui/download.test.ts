import { describe, expect, it } from 'vitest'
import { textBlob } from './download'

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer())
const BOM = [0xef, 0xbb, 0xbf]

describe('textBlob', () => {
  it('writes a CSV as UTF-8 with a byte-order mark, so spreadsheets keep ŵ ŷ ł ę ř Ω Д', async () => {
    const csv = 'Name,Institution\r\nSiân ap Gwŵr,Tŷ Gwydr\r\nZoë Kowalczyk-Łęcka,Řehoř Ωmega Дмитрий\r\n'
    const out = await bytes(textBlob(csv, 'text/csv;charset=utf-8'))
    expect([...out.slice(0, 3)]).toEqual(BOM)
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(out.slice(3))).toBe(csv)
  })

  it('adds no second mark, and none to other types', async () => {
    const once = await bytes(textBlob('\ufeffa,b\r\n', 'text/csv'))
    expect([...once.slice(0, 6)]).toEqual([...BOM, 0x61, 0x2c, 0x62])
    const json = await bytes(textBlob('{"name":"Siân"}', 'application/json'))
    expect(new TextDecoder().decode(json)).toBe('{"name":"Siân"}')
    expect(json[0]).toBe(0x7b)
  })
})
