/**
 * Success measures fed from app data. A measure's `source` says where its current value comes
 * from; only aggregates feed it (counts and percentages, never anyone's record).
 */
import type { PlanAction, SuccessMeasure } from '@/domain/entities'
import { measureProgress, type MeasureProgress } from '@/domain/rules/measures'
import type { Clock } from '@/domain/rules/dates'

/** Figures from app data; a missing or null one is unknown on this device (or withheld). */
export interface AppFeeds {
  /** Registered members. */
  members?: number | null
  /** Share (whole %) of registered members who recorded at least one skill. */
  membersWithSkillsPercent?: number | null
  /** Members holding a professional registration. */
  registeredMembers?: number | null
  /** Share (whole %) of members with CPD in the current CPD year. */
  cpdParticipationPercent?: number | null
  /** Response rate (whole %) of the most recent survey. */
  surveyResponseRatePercent?: number | null
}

const isPercent = (m: Pick<SuccessMeasure, 'unit'>) => (m.unit ?? '').trim() === '%'
const known = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined)

/**
 * The value app data gives a measure, or undefined when it is updated by hand or the figure is not
 * known here. A "members" measure in % reads as the share who recorded their skills ("skills
 * recorded by 80% of registered technicians"); a "registrations" one in % as the share registered.
 */
export function fedValue(measure: Pick<SuccessMeasure, 'source' | 'unit'>, feeds: AppFeeds): number | undefined {
  switch (measure.source) {
    case 'members':
      return known(isPercent(measure) ? feeds.membersWithSkillsPercent : feeds.members)
    case 'registrations': {
      const registered = known(feeds.registeredMembers)
      const members = known(feeds.members)
      if (!isPercent(measure)) return registered
      return registered !== undefined && members ? Math.round((100 * registered) / members) : undefined
    }
    case 'cpd-participation':
      return known(feeds.cpdParticipationPercent)
    case 'survey-response-rate':
      return known(feeds.surveyResponseRatePercent)
    default:
      return undefined
  }
}

/**
 * Where a measure's shown value stands: `manual` (updated by hand), `live` (fed from app data now),
 * `withheld` (set to come from app data, whose figure is withheld today: a group under 5) or
 * `unknown` (set to come from app data this device has no figure for). In the last two the value
 * shown is the stored one, which must be labelled as such, never passed off as live.
 */
export type FeedState = 'manual' | 'live' | 'withheld' | 'unknown'

/** The feeds a measure's live figure is made of (a null one is withheld). */
function feedsOf(measure: Pick<SuccessMeasure, 'source' | 'unit'>, feeds: AppFeeds): (number | null | undefined)[] {
  switch (measure.source) {
    case 'members':
      return [isPercent(measure) ? feeds.membersWithSkillsPercent : feeds.members]
    case 'registrations':
      return isPercent(measure) ? [feeds.registeredMembers, feeds.members] : [feeds.registeredMembers]
    case 'cpd-participation':
      return [feeds.cpdParticipationPercent]
    case 'survey-response-rate':
      return [feeds.surveyResponseRatePercent]
    default:
      return []
  }
}

export function feedState(measure: Pick<SuccessMeasure, 'source' | 'unit'>, feeds: AppFeeds): FeedState {
  if (!measure.source || measure.source === 'manual') return 'manual'
  if (fedValue(measure, feeds) !== undefined) return 'live'
  return feedsOf(measure, feeds).some((x) => x === null) ? 'withheld' : 'unknown'
}

export interface MeasureView {
  measure: SuccessMeasure
  /** The value shown: fed from app data where it can be, else the stored one (entered by hand or last fed). */
  current: number | undefined
  fed: boolean
  /** Whether `current` is live, by hand, or a stored value standing in for a withheld or unknown live figure. */
  state: FeedState
  progress: MeasureProgress
}

/** What to show for a measure: its current value (fed or by hand) and progress towards the target. */
export function measureView(measure: SuccessMeasure, feeds: AppFeeds, options: { now: Clock; start?: string }): MeasureView {
  const fed = fedValue(measure, feeds)
  const current = fed ?? measure.current
  return {
    measure,
    current,
    fed: fed !== undefined,
    state: feedState(measure, feeds),
    progress: measureProgress({ ...measure, current }, options),
  }
}

/**
 * The measures whose stored value lags what app data now says, per action: a lead's device writes
 * them back so every member sees the same figure, even those whose device cannot compute it.
 */
export function staleFedMeasures(actions: readonly PlanAction[], feeds: AppFeeds): { actionId: string; measures: SuccessMeasure[] }[] {
  const out: { actionId: string; measures: SuccessMeasure[] }[] = []
  for (const action of actions) {
    if (action.deleted) continue
    let changed = false
    const measures = action.measures.map((m) => {
      const fed = fedValue(m, feeds)
      if (fed === undefined || fed === m.current) return m
      changed = true
      return { ...m, current: fed }
    })
    if (changed) out.push({ actionId: action.id, measures })
  }
  return out
}
