/**
 * The attributes that mark a control invalid and point it at the error shown under it (the
 * element `errorId`), or none while there is no error:
 * `<input :id="…" v-model="…" class="input" v-bind="errorAria(errors.value, `${id}-value-error`)" />`.
 * (A control inside a `FormField` takes `f.control` instead.)
 */
export function errorAria(error: string | undefined, errorId: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  return error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}
}
