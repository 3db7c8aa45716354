import { nextTick } from 'vue'

export const APP_NAME = 'Technician Hub'

/** Document title of a page: its name, then the app's. */
export function pageTitle(title: string | undefined): string {
  return title ? `${title} · ${APP_NAME}` : APP_NAME
}

/**
 * Moves focus to the main heading of the page that just rendered (it carries tabindex="-1").
 * Falls back to <main> so focus never stays on a link that has scrolled out of view.
 */
export async function focusPageHeading(doc: Document = document): Promise<void> {
  await nextTick()
  const target = doc.querySelector<HTMLElement>('main h1') ?? doc.querySelector<HTMLElement>('main')
  target?.focus({ preventScroll: true })
}
