/**
 * Platform administration with the admin SDK: grant the first platform admin (custom claim
 * `platformAdmin: true`, which lets them call `setInstitutionDomains` from then on), and set an
 * institution's email domains (the same transaction as the callable: registry, institution,
 * audit record; refused public suffixes, free-mail domains and domains another institution owns).
 *
 *   node scripts/run-ts.mjs scripts/set-domains.ts grant-admin <email>
 *   node scripts/run-ts.mjs scripts/set-domains.ts revoke-admin <email>
 *   node scripts/run-ts.mjs scripts/set-domains.ts set <institutionId> [domain ...]   (none: clears them)
 *
 * Against the emulators: inside `node scripts/with-emulators.mjs -- …` (or with
 * FIRESTORE_EMULATOR_HOST / FIREBASE_AUTH_EMULATOR_HOST exported). Against a real project:
 * GOOGLE_CLOUD_PROJECT=your-project with Application Default Credentials
 * (GOOGLE_APPLICATION_CREDENTIALS, or `gcloud auth application-default login`). The audit record
 * names the operator as `script:<$USER>`.
 */
import { initializeApp } from 'firebase-admin/app'
import { getAuth } from 'firebase-admin/auth'
import { getFirestore } from 'firebase-admin/firestore'
import { setInstitutionDomainsCore } from '../functions/src/domains/domains'
import { parseProblem } from '../src/domain/problems'
import en from '../src/locales/en/errors.json'

const [command, ...args] = process.argv.slice(2)
const projectId =
  process.env.GOOGLE_CLOUD_PROJECT || process.env.GCLOUD_PROJECT || (process.env.FIRESTORE_EMULATOR_HOST ? 'demo-technician-hub' : '')
if (!projectId) {
  console.error('set-domains: set GOOGLE_CLOUD_PROJECT to the Firebase project id')
  process.exit(2)
}
initializeApp({ projectId })

async function main(): Promise<number> {
  if ((command === 'grant-admin' || command === 'revoke-admin') && args.length === 1) {
    const auth = getAuth()
    const user = await auth.getUserByEmail(args[0]!)
    const { platformAdmin: _p, ...rest } = user.customClaims ?? {}
    await auth.setCustomUserClaims(user.uid, command === 'grant-admin' ? { ...rest, platformAdmin: true } : rest)
    console.log(JSON.stringify({ uid: user.uid, platformAdmin: command === 'grant-admin' }))
    return 0
  }
  if (command === 'set' && args.length >= 1) {
    const [institutionId, ...domains] = args
    const operator = `script:${process.env.USER || process.env.USERNAME || 'unknown'}`
    const out = await setInstitutionDomainsCore(getFirestore(), { uid: operator, platformAdmin: true }, { institutionId, domains })
    console.log(JSON.stringify(out))
    return 0
  }
  console.error('usage: set-domains.ts grant-admin <email> | revoke-admin <email> | set <institutionId> [domain ...]')
  return 2
}

/** A refusal's problem in the English words of the app's messages (an operator's tool: no i18n runtime). */
function english(message: string | undefined): string | undefined {
  const p = parseProblem(message)
  const words = p && (en.problem as Record<string, string>)[p.code]
  if (!p || !words) return message
  return words.replace(/\{(\w+)\}/g, (_, k: string) => String(p.params?.[k] ?? (k === 'label' ? en.label.default : `{${k}}`)))
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { message?: string; details?: { problem?: string } }
    console.error(
      `set-domains: ${english(e.details?.problem ?? e.message) ?? String(error)}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`,
    )
    process.exit(1)
  },
)
