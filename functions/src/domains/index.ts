/** `setInstitutionDomains`: a platform admin (custom claim `platformAdmin: true`) sets an institution's email domains. */
import { getDb } from '../firebase'
import { requireLiveUid } from '../live'
import { setInstitutionDomainsCore, type SetDomainsOutcome } from './domains'
import { onCall } from '../guard'

export const setInstitutionDomains = onCall<unknown, Promise<SetDomainsOutcome>>({ cors: true }, async (req) => {
  const uid = await requireLiveUid(req)
  return setInstitutionDomainsCore(getDb(), { uid, platformAdmin: req.auth?.token.platformAdmin === true }, req.data)
})
