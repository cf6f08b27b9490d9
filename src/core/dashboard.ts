import { z } from 'zod'

/**
 * The statistics dashboard's contract (issue 11), shared by the server (query strings,
 * answers) and the dashboard page (URL filters, answer checks). Every view is one table:
 * the page draws its chart from the table and shows the table under it, and the exports
 * are the same table, so a file never carries more than the screen.
 */
export const DASHBOARD_VIEWS = ['visits', 'passports', 'exhibits', 'misconceptions', 'trend', 'activities'] as const
export const DashboardViewSchema = z.enum(DASHBOARD_VIEWS)
export type DashboardView = z.infer<typeof DashboardViewSchema>

export const STATION_KINDS = ['headset', 'touchscreen', 'pc', 'phone'] as const
export const BUCKETS = ['day', 'week', 'month'] as const

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
/** A school or grade as the batch form stores it (free text, no control characters). */
const LabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters')

/** The filter's fields; DashboardFilterSchema adds the range check (extend these, then wrap in `refineRange`). */
export const DashboardFilterFields = z.strictObject({
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  school: LabelSchema.optional(),
  grade: LabelSchema.optional(),
  session: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a class session id')
    .optional(),
  exhibit: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an exhibit id')
    .max(64)
    .optional(),
  kind: z.enum(STATION_KINDS).optional(),
  bucket: z.enum(BUCKETS).optional(),
})
/** The range check every dashboard query string gets (after any `extend` of the fields). */
export const refineRange = <T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(s: T) =>
  s.refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be after to', path: ['from'] })
export const DashboardFilterSchema = refineRange(DashboardFilterFields)
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>

export const LangSchema = z.enum(['zh-CN', 'en'])
export const ExportFormatSchema = z.enum(['csv', 'xlsx'])
export type ExportFormat = z.infer<typeof ExportFormatSchema>

/** Why a cell is empty: fewer than 5 students behind it (small-cell suppression). */
export const SUPPRESSED_NOTE = 'fewer-than-5-students'

export const CellSchema = z.union([z.string(), z.number(), z.null()])
export type Cell = z.infer<typeof CellSchema>
export const ColumnSchema = z.object({
  key: z.string(),
  /** Column heading in both languages (the exports use the page's language). */
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  kind: z.enum(['text', 'count', 'percent', 'ms', 'hours']),
})
export type Column = z.infer<typeof ColumnSchema>
export const DashboardTableSchema = z.object({
  view: DashboardViewSchema,
  columns: z.array(ColumnSchema),
  /** One object per row, keyed by column; a suppressed cell is null and its row's `suppressed` says why. */
  rows: z.array(z.record(z.string(), CellSchema).and(z.object({ suppressed: z.literal(SUPPRESSED_NOTE).nullable() }))),
  /** Notes the page shows under the table (e.g. filters that do not apply to this view). */
  notes: z.array(z.enum(['suppressed', 'exhibit-filter-ignored', 'kind-filter-ignored', 'class-filters-ignored'])),
})
export type DashboardTable = z.infer<typeof DashboardTableSchema>

export const DashboardOptionsSchema = z.object({
  schools: z.array(z.string()),
  grades: z.array(z.string()),
  sessions: z.array(z.object({ id: z.string(), school: z.string(), grade: z.string(), className: z.string(), day: z.string() })),
  exhibits: z.array(z.string()),
})
export type DashboardOptions = z.infer<typeof DashboardOptionsSchema>

/** The export's file name: view and date range, e.g. `sophora-exhibits-2026-01-01_2026-12-31.csv`. */
export const exportFileName = (view: DashboardView, f: Pick<DashboardFilter, 'from' | 'to'>, format: ExportFormat) =>
  `sophora-${view}-${f.from ?? 'start'}_${f.to ?? 'today'}.${format}`
