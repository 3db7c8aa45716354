// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { SuccessMeasure } from '@/domain/entities'
import { i18nFor } from '../../../tests/support/i18n'
import CheckInsEditor from './CheckInsEditor.vue'

const measure: SuccessMeasure = {
  id: 'm1',
  text: 'Apprenticeships 9 → 14',
  checkIns: [
    { id: 'c1', value: 10, date: '2026-01-10', byUid: 'u-lead' },
    { id: 'c2', value: 12, date: '2026-06-10', byUid: 'u-other', note: 'Two more' },
  ],
}

async function render() {
  return mount(CheckInsEditor, {
    props: { measure, index: 0, names: { 'u-other': 'Sam Example' }, myUid: 'u-lead' },
    global: { plugins: [await i18nFor('en')] },
  })
}

describe('CheckInsEditor', () => {
  it('lists the readings newest first with who recorded them', async () => {
    const wrapper = await render()
    const rows = wrapper.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([
      ['10 June 2026', '12', 'Sam Example', 'Two more'],
      ['10 January 2026', '10', 'You', ''],
    ])
  })

  it('adds a reading with its value, date and note; a value that is not a number is refused in words', async () => {
    const wrapper = await render()
    const field = (label: string) =>
      wrapper.get(
        `#${wrapper
          .findAll('label')
          .find((l) => l.text() === label)!
          .attributes('for')}`,
      )
    await field('Value').setValue('abc')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')).toBeUndefined()
    expect(wrapper.text()).toContain('Enter a number')
    await field('Value').setValue('13')
    await field('Date').setValue('2026-09-01')
    await field('Note').setValue('  One left  ')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')).toEqual([[{ value: 13, date: '2026-09-01', note: 'One left' }]])
  })
})
