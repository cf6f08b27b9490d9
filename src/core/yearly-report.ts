import { z } from 'zod'

/**
 * The yearly programme report (科普统计): one center's figures for one calendar year in the
 * center's time zone, shaped like the national science-popularisation statistics (科普活动,
 * 场馆, 科普人员; docs/yearly-report.md says which heading each figure follows). Shared by the
 * stats server (response schema, exports) and the admin page, so the page, the CSV and the
 * XLSX are built from the same tables (yearly-report-tables.ts).
 */
export const MIN_REPORT_YEAR = 2000
export const MAX_REPORT_YEAR = 2100
/** A cell describing fewer students than this (of one class or school) is not shown. */
export const SMALL_CELL_MIN = 5

export const ReportYearSchema = z.coerce
  .number({ error: 'must be a year, e.g. 2026' })
  .int('must be a whole year')
  .min(MIN_REPORT_YEAR, `must be ${MIN_REPORT_YEAR} or later`)
  .max(MAX_REPORT_YEAR, `must be ${MAX_REPORT_YEAR} or earlier`)
export const ReportLangSchema = z.enum(['zh-CN', 'en'])
export const YearlyReportQuerySchema = z.strictObject({ year: ReportYearSchema })
export const YearlyReportExportQuerySchema = z.strictObject({ year: ReportYearSchema, lang: ReportLangSchema.default('zh-CN') })

const n = z.number().int().min(0)
const CountSchema = z.object({ count: n, participants: n })
export type ActivityCount = z.infer<typeof CountSchema>

/** One school's class visits; `null` is a suppressed cell (1 to SMALL_CELL_MIN − 1 students). */
export const SchoolRowSchema = z.object({
  school: z.string(),
  sessions: n,
  headcount: n.nullable(),
  students: n.nullable(),
})
export type SchoolRow = z.infer<typeof SchoolRowSchema>

export const YearlyReportSchema = z.object({
  year: z.number().int(),
  centerName: z.string(),
  /** When the server counted (ISO 8601): printed in the page header. */
  generatedAt: z.string(),
  activities: z.object({
    /** 科普（技）讲座: programme log, type lecture. */
    lecture: CountSchema,
    /** 科普展览·参观: days the exhibits were visited, exhibit visits. */
    exhibition: CountSchema,
    /** 青少年科普活动: guided class sessions, their planned headcount. */
    youth: CountSchema,
    salon: CountSchema,
    workshop: CountSchema,
    training: CountSchema,
    other: CountSchema,
  }),
  venue: z.object({
    openDays: n,
    exhibitVisits: n,
    completions: n,
    students: n,
    classSessions: n,
    schools: n,
    walkInVisits: n,
    passportsIssued: n,
  }),
  staff: z.object({
    guides: n,
    admins: n,
    volunteerActivities: n,
    /** Exact to a tenth (stored in tenths). */
    volunteerHours: z.number().min(0),
  }),
  schools: z.array(SchoolRowSchema),
  /** How many cells were suppressed (the note under the schools table says so). */
  suppressedCells: n,
})
export type YearlyReport = z.infer<typeof YearlyReportSchema>

/** The small-cell rule for a count of students: 0 stays 0 (it describes nobody); 1–4 become null. */
export const suppressSmall = (students: number): number | null => (students > 0 && students < SMALL_CELL_MIN ? null : students)
