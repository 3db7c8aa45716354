/**
 * Asks a yes/no question in a native modal dialog (src/ui/ConfirmDialog.vue) instead of
 * `window.confirm`: `const confirm = useConfirm()` in setup, then
 * `if (!(await confirm({ message: t('…'), danger: true }))) return`.
 *
 * The dialog is rendered into the page for the question's lifetime with the calling component's
 * app context, so it speaks the app's language (i18n) without a host component in App.vue.
 */
import { getCurrentInstance, h, render, type AppContext } from 'vue'
import ConfirmDialog from './ConfirmDialog.vue'

export interface ConfirmOptions {
  message: string
  title?: string
  confirmLabel?: string
  cancelLabel?: string
  /** The action destroys or ends something (red button, focus starts on Cancel). */
  danger?: boolean
}

export type Confirm = (options: ConfirmOptions) => Promise<boolean>

/** A `confirm` for this component: resolves true on Confirm, false on Cancel or Escape. */
export function useConfirm(): Confirm {
  const appContext: AppContext | null = getCurrentInstance()?.appContext ?? null
  return (options) =>
    new Promise<boolean>((resolve) => {
      const host = document.createElement('div')
      document.body.appendChild(host)
      const vnode = h(ConfirmDialog, {
        ...options,
        onAnswer: (yes: boolean) => {
          render(null, host)
          host.remove()
          resolve(yes)
        },
      })
      vnode.appContext = appContext
      render(vnode, host)
    })
}
