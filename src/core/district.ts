import { z } from 'zod'
import { DashboardFilterFields, DashboardTableSchema, refineRange } from './dashboard.ts'

/**
 * The district's contract for its admin page (issue 15), shared by the district server
 * (schemas) and the page (answer checks): issue 11's views over every center's running
 * totals, plus `centers` (one row per center, for comparison), and the yearly report's
 * venue figures per center. The district holds no class lists (passport batches stay at
 * their center), so the school, grade, class-session and station-kind filters, and the
 * per-class passports view, are the center's only.
 */
export const CenterIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 characters a-z, 0-9 and -')

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
export type DistrictOptions = z.infer<typeof DistrictOptionsSchema>

export const DistrictLoginSchema = z.object({ token: z.string(), expiresAt: z.string() })

const n = z.number().int().min(0)
export const VenueFiguresSchema = z.object({
  openDays: n,
  exhibitVisits: n,
  completions: n,
  students: n,
  walkInVisits: n,
})
export type VenueFigures = z.infer<typeof VenueFiguresSchema>
/** The 科普统计 venue figures of one year, per center (its own calendar days) and in total. */
export const DistrictYearlyReportSchema = z.object({
  year: z.number().int(),
  generatedAt: z.string(),
  centers: z.array(VenueFiguresSchema.extend({ centerId: z.string(), name: z.string() })),
  /** All centers: days on which any center was visited; students add up (a passport belongs to one center). */
  total: VenueFiguresSchema.extend({ centers: n }),
})
export type DistrictYearlyReport = z.infer<typeof DistrictYearlyReportSchema>
