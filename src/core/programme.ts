import { z } from 'zod'

/**
 * The center's programme log (讲座 / 沙龙 / 工作坊 / 培训 / 青少年科普讲解员): the activities
 * besides exhibits that a center reports every year. Shared by the stats server (request and
 * response schemas) and the guide's page. Guides are adult staff or volunteers, so their names
 * may be written here; students never are (audience is a number).
 */
export const ACTIVITY_TYPES = ['lecture', 'salon', 'workshop', 'training', 'other'] as const
export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES)
export type ActivityType = z.infer<typeof ActivityTypeSchema>

export const DaySchema = z.iso.date({ error: 'must be a date, YYYY-MM-DD' })

/** What a guide fills in; `requestId` makes a double tap or a retry record the activity once. */
export const ActivityInputSchema = z.strictObject({
  topic: z.string().trim().min(1, 'must not be empty').max(120),
  type: ActivityTypeSchema,
  date: DaySchema,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  guides: z.string().trim().max(200),
  audience: z.number().int().min(0).max(100_000),
  /** Tenths of an hour at most (stored as tenths, so totals add up exactly). */
  volunteerHours: z
    .number()
    .min(0)
    .max(10_000)
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, 'at most one decimal place'),
})
export type ActivityInput = z.infer<typeof ActivityInputSchema>
export const NewActivitySchema = ActivityInputSchema.extend({ requestId: z.uuid() })
export type NewActivity = z.infer<typeof NewActivitySchema>

export const ActivitySchema = z.object({
  id: z.uuid(),
  topic: z.string(),
  type: ActivityTypeSchema,
  date: z.string(),
  durationMinutes: z.number().int(),
  guides: z.string(),
  audience: z.number().int(),
  volunteerHours: z.number(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Activity = z.infer<typeof ActivitySchema>

/** Filters of the list; each is optional. `q` matches topic or guides, case-insensitively. */
export const ActivityFilterSchema = z.strictObject({
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  type: ActivityTypeSchema.optional(),
  q: z.string().trim().max(60).optional(),
})
export type ActivityFilter = z.infer<typeof ActivityFilterSchema>

export const ActivityTotalsSchema = z.object({
  count: z.number().int(),
  participants: z.number().int(),
  volunteerHours: z.number(),
  durationMinutes: z.number().int(),
})
export type ActivityTotals = z.infer<typeof ActivityTotalsSchema>

/** At most this many rows come back; the totals always cover every match. */
export const MAX_LISTED_ACTIVITIES = 500

export const ActivityListSchema = z.object({
  activities: z.array(ActivitySchema),
  totals: ActivityTotalsSchema,
  truncated: z.boolean(),
})
export type ActivityList = z.infer<typeof ActivityListSchema>
