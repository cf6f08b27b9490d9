import { z } from 'zod'
import { DashboardFilterFields, DashboardTableSchema, refineRange } from '../../core/dashboard.ts'
import { CenterIdSchema } from './centers.ts'

/**
 * The district dashboard's contract: issue 11's views over every center's running totals,
 * plus `centers` (one row per center, for comparison). The district holds no class lists
 * (passport batches stay at their center), so the school, grade, class-session and
 * station-kind filters, and the per-class passports view, are the center's only.
 */
export const DISTRICT_VIEWS = ['visits', 'exhibits', 'misconceptions', 'trend', 'centers'] as const
export const DistrictViewSchema = z.enum(DISTRICT_VIEWS)
export type DistrictView = z.infer<typeof DistrictViewSchema>

export const DistrictFilterFields = DashboardFilterFields.pick({ from: true, to: true, exhibit: true, bucket: true }).extend({
  center: CenterIdSchema.optional(),
})
export const DistrictFilterSchema = refineRange(DistrictFilterFields)
export type DistrictFilter = z.infer<typeof DistrictFilterSchema>

export const DistrictTableSchema = DashboardTableSchema.extend({ view: DistrictViewSchema })
export type DistrictTable = z.infer<typeof DistrictTableSchema>

export const DistrictOptionsSchema = z.object({
  centers: z.array(z.object({ id: z.string(), name: z.string() })),
  exhibits: z.array(z.string()),
})
