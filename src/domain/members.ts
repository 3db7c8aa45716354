/** Membership changes made by a lead: the shared input schema of the `removeMember` callable. */
import * as v from 'valibot'
import { Id } from './common'

/** `removeMember`: the member (uid) a lead takes out of their institution. */
export const RemoveMemberInputSchema = v.strictObject({ uid: Id })
export type RemoveMemberInput = v.InferOutput<typeof RemoveMemberInputSchema>
