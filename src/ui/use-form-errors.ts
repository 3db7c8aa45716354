import { nextTick, ref, type Ref } from 'vue'

/**
 * A form's field errors and the step every form takes when its input does not parse: show the
 * errors, then move focus to the first invalid control so a screen-reader user hears what to fix.
 */
export function useFormErrors<E extends object>(form: Readonly<Ref<HTMLFormElement | null>>) {
  const errors = ref({}) as Ref<E>

  /** Shows `found` under their fields and focuses the first field marked invalid. */
  async function showErrors(found: E): Promise<void> {
    errors.value = found
    await nextTick()
    form.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }

  /** Clears the errors once the input parses. */
  function clearErrors(): void {
    errors.value = {} as E
  }

  return { errors, showErrors, clearErrors }
}
