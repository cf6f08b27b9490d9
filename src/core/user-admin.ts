import { z } from 'zod'
import { PassportCodeSchema } from './passport-code.ts'

/**
 * User management and the audit (issue 14): the admin-only API's request and response
 * schemas, shared by the stats server and the /admin/users page. Users are adult staff or
 * volunteers, so names appear here; students never do (passports are codes).
 */
export const StaffRoleSchema = z.enum(['guide', 'admin'])

export const UserNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, . _ - only')

export const NewUserSchema = z.strictObject({
  name: UserNameSchema,
  role: StaffRoleSchema,
  password: z.string().min(1).max(256),
})
export type NewUser = z.infer<typeof NewUserSchema>

/** One change per request, so each is one audit entry. */
export const UserChangeSchema = z.union([
  z.strictObject({ role: StaffRoleSchema }),
  z.strictObject({ disabled: z.boolean() }),
  z.strictObject({ password: z.string().min(1).max(256) }),
])
export type UserChange = z.infer<typeof UserChangeSchema>

export const UserIdParamsSchema = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31),
})

export const UserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: StaffRoleSchema,
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  disabled: z.boolean(),
})
export type User = z.infer<typeof UserSchema>
export const UserListSchema = z.object({ users: z.array(UserSchema) })

export const AUDIT_ACTIONS = [
  'passport-read',
  'passport-export',
  'passport-delete',
  'batch-issue',
  'batch-print',
  'user-create',
  'user-disable',
  'user-enable',
  'user-role',
  'user-password',
  'station-approve',
  'station-reject',
] as const
export const AuditActionSchema = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof AuditActionSchema>

const Day = z.iso.date({ error: 'must be a date, YYYY-MM-DD' })
/** Filters of the audit list; `passportCode` is a query key the request log redacts. */
export const AuditQuerySchema = z.strictObject({
  user: UserNameSchema.optional(),
  passportCode: z.string().trim().toUpperCase().pipe(PassportCodeSchema).optional(),
  from: Day.optional(),
  to: Day.optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type AuditQuery = z.input<typeof AuditQuerySchema>

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  time: z.string(),
  user: z.string(),
  role: z.string(),
  action: AuditActionSchema,
  passportCode: z.string().nullable(),
  batchId: z.string().nullable(),
  targetUser: z.string().nullable(),
  detail: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
/** `nextBefore`: pass as `before` for the next (older) page; null at the end. */
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() })
