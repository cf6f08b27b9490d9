import { z } from 'zod'

/** Who a signed-in person is: a volunteer guide or the center's administrator. */
export const RoleSchema = z.enum(['guide', 'admin'])
export type Role = z.infer<typeof RoleSchema>
