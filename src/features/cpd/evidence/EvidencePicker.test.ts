// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { Locale } from '@/i18n/locales'
import { i18nFor } from '../../../../tests/support/i18n'
import EvidencePicker from './EvidencePicker.vue'

async function pick(locale: Locale) {
  const wrapper = mount(EvidencePicker, {
    props: { owner: { draftKey: 'cpd:new' }, room: 20 },
    global: { plugins: [await i18nFor(locale)] },
  })
  // A JPEG by its first bytes that this browser cannot decode as a photo.
  const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], 'bench.jpg', { type: 'image/jpeg' })
  const input = wrapper.get('input[multiple]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[role=alert]').exists()).toBe(true)
  })
  return wrapper
}

describe('EvidencePicker', () => {
  it('says why a photo could not be kept, in English', async () => {
    const wrapper = await pick('en')
    expect(wrapper.get('label[for$=-camera]').text()).toBe('Take a photo')
    expect(wrapper.get('[role=alert]').text()).toContain(
      '“bench.jpg” could not be read as a photo on this device. Take a screenshot of it, or save it as a JPEG, and attach that.',
    )
  })

  it('says it in Welsh in cy', async () => {
    const wrapper = await pick('cy')
    expect(wrapper.get('label[for$=-camera]').text()).toBe('Tynnu llun')
    expect(wrapper.get('[role=alert]').text()).toContain('Doedd dim modd darllen “bench.jpg” fel llun ar y ddyfais hon.')
  })
})
