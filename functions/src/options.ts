/**
 * Options every function shares. Imported first by index.ts: functions are defined when their
 * module is evaluated, and a module evaluated before setGlobalOptions ran would deploy to the
 * default region (us-central1) instead of FUNCTIONS_REGION.
 */
import { setGlobalOptions } from 'firebase-functions/v2'
import { FUNCTIONS_REGION } from '@/domain/deployment'

setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 20 })
