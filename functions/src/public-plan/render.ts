/**
 * The public plan page: static, accessible, read-only HTML of a {@link PublicPlanModel}, worded
 * in English or Welsh from src/locales (publicPlan, labels). Every value is escaped (./html.ts);
 * the only style is one inline sheet allowed by its hash in {@link PUBLIC_PLAN_CSP}; no script,
 * no image, no form, nothing fetched.
 */
import { createHash } from 'node:crypto'
import { REDACTED, type Language, type PublicAction, type PublicPlanModel } from '@/domain/public-plan'
import { parseIsoDate } from '@/domain/rules/dates'
import cyLabels from '@/locales/cy/labels.json'
import cyWords from '@/locales/cy/publicPlan.json'
import enLabels from '@/locales/en/labels.json'
import enWords from '@/locales/en/publicPlan.json'
import { escapeHtml, Html, markup } from './html'

const WORDS = { en: enWords, cy: cyWords }
const LABELS = { en: enLabels, cy: cyLabels }

type Words = typeof enWords

/** `{name}` placeholders of a message filled in (the messages use no other vue-i18n syntax). */
function fill(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** "2 December 2026" / "2 Rhagfyr 2026" from an ISO date, without relying on the runtime's locale data. */
export function formatDay(iso: string, lang: Language): string {
  const { year, month, day } = parseIsoDate(iso)
  const months = WORDS[lang].months as Record<string, string>
  return `${day} ${months[String(month)] ?? month} ${year}`
}

const CSS = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--accent:#0b5394}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{border-bottom:4px solid var(--accent)}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0}
h2{font-size:1.35rem;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:0 0 .5rem}
h4{font-size:1rem;margin:.75rem 0 .25rem}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
.muted{color:var(--muted)}
.lang{text-align:right;margin:0}
.lang a{display:inline-block;min-height:24px;padding:.25rem 0}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;padding:0;list-style:none}
nav a{display:inline-block;min-height:24px;padding:.25rem 0}
.action{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:4px;padding:.75rem 1rem;margin:0 0 1rem;overflow-wrap:anywhere}
.rag-red{border-left-color:#b00020}
.rag-amber{border-left-color:#b35c00}
.rag-green{border-left-color:#1b7f3b}
.code{display:inline-block;min-width:2.5rem;font-weight:700}
dl{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0}
ul.measures{margin:0;padding-left:1.25rem}
.redacted{font-style:italic}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
`

/** The Content-Security-Policy the page is served with: nothing but its own inline style sheet. */
export const PUBLIC_PLAN_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS, 'utf8').digest('base64')}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Where each language's page lives (absolute), to link one from the other. */
export type PageUrls = Record<Language, string>

const NUL = String.fromCharCode(0)

/** Text with the redaction marker worded (escaped either way). */
function text(value: string, words: Words): Html {
  const parts = value.split(REDACTED).map((p) => escapeHtml(p.replaceAll(NUL, '')))
  return new Html(parts.join(`<span class="redacted">${escapeHtml(words.redacted)}</span>`))
}

function actionHtml(a: PublicAction, id: string, lang: Language): Html {
  const words = WORDS[lang]
  const labels = LABELS[lang]
  const field = (label: string, value: string) =>
    markup`<div><dt>${label}</dt><dd>${value.trim() ? text(value, words) : markup`<span class="muted">${words.none}</span>`}</dd></div>`
  const measures = a.measures.length
    ? markup`<h4>${words.measures}</h4>
<ul class="measures">${a.measures.map((m) => markup`<li>${text(m, words)}</li>`)}</ul>`
    : null
  return markup`<article class="action rag-${a.rag ?? 'none'}" aria-labelledby="${id}">
<h3 id="${id}"><span class="code">${a.code}</span> ${text(a.title, words)}</h3>
<dl>
${field(words.status, labels.rag[a.rag ?? 'none'])}
${field(words.timeframe, a.timeframe)}
${field(words.owner, a.owner)}
${a.outputs.trim() ? field(words.outputs, a.outputs) : null}
</dl>
${measures}
</article>
`
}

/** The whole page in the model's language. */
export function renderPublicPlan(model: PublicPlanModel, urls: PageUrls): string {
  const lang = model.lang
  const other: Language = lang === 'en' ? 'cy' : 'en'
  const words = WORDS[lang]
  const labels = LABELS[lang]
  const publishedIso = new Date(model.publishedAt).toISOString().slice(0, 10)
  const themeId = (theme: string) => `theme-${theme}`
  const [before = '', after = ''] = words.published.split('{date}')
  const title = fill(words.pageTitle, { plan: model.planTitle, institution: model.institutionName }).split(REDACTED).join(words.redacted)
  const period = fill(words.period, { start: formatDay(model.startDate, lang), end: formatDay(model.endDate, lang) })
  const contents = model.themes.length
    ? markup`<nav aria-label="${words.contents}"><ul>${model.themes.map(
        (g) => markup`<li><a href="#${themeId(g.theme)}">${labels.theme[g.theme]}</a></li>`,
      )}</ul></nav>`
    : markup`<p>${words.noActions}</p>`
  const sections = model.themes.map(
    (g) => markup`<section aria-labelledby="${themeId(g.theme)}">
<h2 id="${themeId(g.theme)}">${labels.theme[g.theme]}</h2>
${g.actions.map((a, i) => actionHtml(a, `${g.theme}-${i + 1}`, lang))}
</section>
`,
  )
  return markup`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="alternate" hreflang="${other}" href="${urls[other]}">
<style>${new Html(CSS)}</style>
</head>
<body>
<header>
<p class="lang"><a href="${urls[other]}" hreflang="${other}" lang="${other}">${words.otherLanguage}</a></p>
<p class="muted">${text(model.institutionName, words)}</p>
<h1>${text(model.planTitle, words)}</h1>
<p>${words.stage[model.stage]} · ${period}</p>
<p>${before}<time datetime="${publishedIso}">${formatDay(publishedIso, lang)}</time>${after}</p>
</header>
<main>
<p>${text(fill(words.intro, { institution: model.institutionName }), words)}</p>
<p>${fill(words.actionCount, { n: model.actionCount })}</p>
${contents}
${sections}
</main>
<footer><p>${words.footer}</p></footer>
</body>
</html>
`.value
}

/** The small page served where no plan is published (same policy: no script, no fetch). */
export function renderNotFound(lang: Language): string {
  const words = WORDS[lang]
  return markup`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${words.notFound}</title></head>
<body><main><h1>${words.notFound}</h1></main></body>
</html>
`.value
}
