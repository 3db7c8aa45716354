// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { i18nFor } from '../../tests/support/i18n'
import { useConfirm, type ConfirmOptions } from './use-confirm'

/** A page with a Delete button that asks first; `answers` records what the question resolved to. */
async function page(options: ConfirmOptions, locale: 'en' | 'cy' = 'en') {
  const answers: boolean[] = []
  const wrapper = mount(
    defineComponent(() => {
      const confirm = useConfirm()
      return () => h('button', { id: 'delete', onClick: async () => answers.push(await confirm(options)) }, 'Delete')
    }),
    { attachTo: document.body, global: { plugins: [await i18nFor(locale)] } },
  )
  const opener = wrapper.get<HTMLButtonElement>('#delete').element
  opener.focus()
  opener.click()
  await flushPromises()
  const dialog = () => document.querySelector<HTMLDialogElement>('dialog')
  const button = (text: string) => [...(dialog()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text)!
  return { wrapper, answers, opener, dialog, button }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ConfirmDialog through useConfirm', () => {
  it('opens a labelled modal dialog with focus inside, answers yes on Confirm, and gives focus back', async () => {
    const { answers, opener, dialog, button } = await page({ message: 'Delete this entry?' })
    const d = dialog()!
    expect(d.open).toBe(true)
    expect(d.getAttribute('aria-labelledby')).toBeTruthy()
    expect(document.getElementById(d.getAttribute('aria-labelledby')!)?.textContent).toBe('Are you sure?')
    expect(document.getElementById(d.getAttribute('aria-describedby')!)?.textContent).toBe('Delete this entry?')
    expect(d.contains(document.activeElement)).toBe(true)
    expect(document.activeElement?.textContent?.trim()).toBe('Confirm')
    button('Confirm').click()
    await flushPromises()
    expect(answers).toEqual([true])
    expect(dialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('answers no on Cancel; a destructive question starts on Cancel', async () => {
    const { answers, button } = await page({ message: 'Stop this registration?', danger: true, confirmLabel: 'Stop' })
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel')
    button('Cancel').click()
    await flushPromises()
    expect(answers).toEqual([false])
  })

  it('answers no on Escape', async () => {
    const { answers, dialog, opener } = await page({ message: 'Delete?' })
    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(answers).toEqual([false])
    expect(dialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('speaks Welsh', async () => {
    const { dialog } = await page({ message: 'Dileu?' }, 'cy')
    expect([...dialog()!.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Canslo', 'Cadarnhau'])
    expect(dialog()!.querySelector('h2')?.textContent).toBe('Ydych chi’n siŵr?')
  })
})
