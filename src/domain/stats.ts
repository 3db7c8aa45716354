/**
 * The shape of the `institutionStats` callable's reply, checked at the boundary before the app
 * keeps or shows it. Every count is a number or null (withheld: a group under 5, or a figure
 * that would let one be worked out).
 */
import * as v from 'valibot'

const Count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))
const Key = v.pipe(v.string(), v.maxLength(200))

export const BreakdownSchema = v.object({ counts: v.record(Key, Count), total: Count })
export type Breakdown = v.InferOutput<typeof BreakdownSchema>

export const SuppressedTableSchema = v.object({
  columns: v.array(Key),
  rows: v.array(v.object({ label: Key, counts: v.record(Key, Count), total: Count })),
  columnTotals: v.record(Key, Count),
  total: Count,
  withheld: v.number(),
})

export const InstitutionStatsSchema = v.object({
  generatedAt: v.number(),
  minGroup: v.number(),
  members: v.object({
    total: Count,
    byFaculty: BreakdownSchema,
    byRoleFamily: BreakdownSchema,
    byContract: BreakdownSchema,
    /** Members by site or campus (optional: figures served before sites were counted have none). */
    bySite: v.optional(BreakdownSchema),
    facultyByContract: SuppressedTableSchema,
    growth: v.array(v.object({ month: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)), total: Count })),
  }),
  registrations: v.object({ registered: BreakdownSchema, inProgress: BreakdownSchema, registeredMembers: Count }),
  cpd: v.object({ year: v.string(), participants: Count, notYet: Count, percent: v.nullable(v.number()) }),
  surveys: v.array(
    v.object({
      id: v.string(),
      title: v.string(),
      status: v.string(),
      opensAt: v.string(),
      closesAt: v.string(),
      responses: Count,
      audience: v.number(),
      ratePercent: v.nullable(v.number()),
    }),
  ),
  equality: v.object({
    respondents: Count,
    gender: BreakdownSchema,
    ethnicity: BreakdownSchema,
    ageBand: BreakdownSchema,
    disability: BreakdownSchema,
  }),
})
export type InstitutionStats = v.InferOutput<typeof InstitutionStatsSchema>
