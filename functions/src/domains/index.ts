/** `setInstitutionDomains`: a platform admin (custom claim `platformAdmin: true`) sets an institution's email domains. */
import { onCall } from 'firebase-functions/v2/https'
import { getDb } from '../firebase'
import { requireLiveUid } from '../live'
import { setInstitutionDomainsCore, type SetDomainsOutcome } from './domains'

export const setInstitutionDomains = onCall<unknown, Promise<SetDomainsOutcome>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return setInstitutionDomainsCore(getDb(), { uid, platformAdmin: req.auth?.token.platformAdmin === true }, req.data)
})
