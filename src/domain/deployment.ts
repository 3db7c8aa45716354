/**
 * Where the backend runs: the one region setting, shared by the Cloud Functions (setGlobalOptions)
 * and the client (getFunctions), so the app always calls the region the functions are deployed to.
 *
 * europe-west2 is London: with Firestore created in the same location (see README, "Deploy"),
 * members' data is stored and processed in the UK, as UK GDPR transfer rules and institutions'
 * data-residency policies expect. Change it here, and only here, for another region.
 */
export const FUNCTIONS_REGION = 'europe-west2'
