import { nextTick } from 'vue'

/** Document title of a page: its name, then the app's. */
export function pageTitle(title: string | undefined, app: string): string {
  return title ? `${title} · ${app}` : app
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
