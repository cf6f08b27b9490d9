import { z } from 'zod'
import { AuditListSchema, UserListSchema, UserSchema, type AuditQuery, type NewUser, type UserChange } from '../../core/user-admin.ts'
import { callApi } from '../passport/index.ts'

/** The admin-only endpoints, answers checked with the schemas the server answers with (src/core). */
type Fetch = typeof fetch

export const listUsers = (token: string, doFetch?: Fetch) => callApi(UserListSchema, '/api/admin/users', { token }, doFetch)
export const createUser = (user: NewUser, token: string, doFetch?: Fetch) =>
  callApi(UserSchema, '/api/admin/users', { method: 'POST', body: JSON.stringify(user), token }, doFetch)
export const changeUser = (id: number, change: UserChange, token: string, doFetch?: Fetch) =>
  callApi(UserSchema, `/api/admin/users/${id}`, { method: 'PATCH', body: JSON.stringify(change), token }, doFetch)

/** Empty filters stay out of the query string. */
export function listAudit(query: AuditQuery, token: string, doFetch?: Fetch) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return callApi(AuditListSchema, `/api/admin/audit${s ? `?${s}` : ''}`, { token }, doFetch)
}

export const ProblemSchema = z.enum(['last-admin', 'weak-password', 'user-exists', 'admin-only'])
