import { z } from 'zod'
import { RoleSchema, UserNameSchema } from '../auth/users.ts'

export const LoginSchema = z.strictObject({ name: UserNameSchema, password: z.string().min(1).max(256) })
export type Login = z.infer<typeof LoginSchema>

export const SessionSchema = z.object({
  token: z.string(),
  name: z.string(),
  role: RoleSchema,
  expiresAt: z.iso.datetime(),
})

export const MeSchema = z.object({ name: z.string(), role: RoleSchema })
