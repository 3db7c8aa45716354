/** A survey as the app stores it, for unit, integration and load tests alike. */

/** The date `offset` days from today, as YYYY-MM-DD (UTC). */
export const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/**
 * A survey document's fields as the app puts them: open from yesterday for 30 days, anonymous,
 * answers not editable, one required single-choice question (q1); `fields` replace any of it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no fields: the defaults alone
export function surveyDoc<F extends object = {}>(fields: F = {} as F) {
  return {
    title: 'Pulse',
    description: '',
    sections: [],
    questions: [{ id: 'q1', type: 'single', prompt: 'Which theme?', required: true, options: ['Visibility', 'Recognition', 'Career'] }],
    audience: { facultyIds: [], roleFamilies: [] },
    anonymous: true,
    allowEdit: false,
    opensAt: day(-1),
    closesAt: day(30),
    status: 'open',
    ...fields,
  }
}
