import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { staffOf } from '../auth/guards.ts'
import { hashPassword } from '../auth/secrets.ts'
import { passwordProblem } from '../auth/users.ts'
import { activeAdminCount, allUsers, findUserById, findUserByName, insertUser, replacePassword, setDisabled, setRole } from '../db/users-repo.ts'
import type { UserListRow } from '../db/users-repo.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { AuditListSchema, AuditQuerySchema, NewUserSchema, UserChangeSchema, UserIdParamsSchema, UserListSchema, UserSchema } from '../../core/user-admin.ts'

const iso = (ms: number) => new Date(ms).toISOString()
const userBody = (u: UserListRow) => ({
  id: u.id,
  name: u.name,
  role: u.role,
  createdAt: iso(u.created_ms),
  lastSignInAt: u.last_sign_in_ms === null ? null : iso(u.last_sign_in_ms),
  disabled: u.disabled_ms !== null,
})
const LAST_ADMIN = new HttpError(409, 'last-admin', ['this is the last admin who can sign in: make another admin first'])

/**
 * User management and the audit, admin-only (/admin/users). Every change is written with
 * its audit entry in one transaction. The last enabled admin cannot be disabled or demoted,
 * so the center is never locked out of its own server. Users are not deleted: disabling
 * keeps the audit and the batches they issued readable.
 */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { db, guards, audit, now, passwordCost } }) => {
  const byId = (id: number) => {
    const u = findUserById(db, id)
    if (!u) throw new HttpError(404, 'unknown user', ['no user with this id'])
    return u
  }
  const policy = (role: 'guide' | 'admin', password: string) => {
    const problem = passwordProblem(role, password)
    if (problem) throw new HttpError(400, 'weak-password', [`password: ${problem}`])
  }

  app.get('/api/admin/users', { onRequest: guards.admin, schema: { response: { 200: UserListSchema, ...errorResponses } } }, async () => ({
    users: allUsers(db).map(userBody),
  }))

  app.post(
    '/api/admin/users',
    { onRequest: guards.admin, schema: { body: NewUserSchema, response: { 201: UserSchema, ...errorResponses } } },
    async (request, reply) => {
      const { name, role, password } = request.body
      policy(role, password)
      if (findUserByName(db, name)) throw new HttpError(409, 'user-exists', [`name: a user named ${name} already exists`])
      const passwordHash = await hashPassword(password, passwordCost)
      const id = db
        .transaction(() => {
          // Checked again inside the transaction: the hash took a while.
          if (findUserByName(db, name)) throw new HttpError(409, 'user-exists', [`name: a user named ${name} already exists`])
          const newId = insertUser(db, { name, role, passwordHash, createdMs: now() })
          audit.record(staffOf(request), 'user-create', { targetUser: name, detail: role })
          return newId
        })
        .immediate()
      return reply.code(201).send(userBody(byId(id)))
    },
  )

  app.patch(
    '/api/admin/users/:id',
    { onRequest: guards.admin, schema: { params: UserIdParamsSchema, body: UserChangeSchema, response: { 200: UserSchema, ...errorResponses } } },
    async (request) => {
      const me = staffOf(request)
      const change = request.body
      const target = byId(request.params.id)
      let passwordHash: string | null = null
      if ('password' in change) {
        policy(target.role, change.password)
        passwordHash = await hashPassword(change.password, passwordCost)
      }
      db.transaction(() => {
        const u = byId(target.id)
        const isLiveAdmin = u.role === 'admin' && u.disabled_ms === null
        if ('role' in change) {
          if (change.role === u.role) return
          if (isLiveAdmin && activeAdminCount(db) <= 1) throw LAST_ADMIN
          setRole(db, u.id, change.role)
          audit.record(me, 'user-role', { targetUser: u.name, detail: `${u.role}→${change.role}` })
        } else if ('disabled' in change) {
          if (change.disabled === (u.disabled_ms !== null)) return
          if (change.disabled && isLiveAdmin && activeAdminCount(db) <= 1) throw LAST_ADMIN
          setDisabled(db, u.id, change.disabled ? now() : null)
          audit.record(me, change.disabled ? 'user-disable' : 'user-enable', { targetUser: u.name })
        } else if (passwordHash) {
          replacePassword(db, u.id, passwordHash)
          audit.record(me, 'user-password', { targetUser: u.name })
        }
      }).immediate()
      return userBody(byId(target.id))
    },
  )

  app.get(
    '/api/admin/audit',
    { onRequest: guards.admin, schema: { querystring: AuditQuerySchema, response: { 200: AuditListSchema, ...errorResponses } } },
    async (request) => {
      const q = request.query
      if (q.from && q.to && q.from > q.to) throw new HttpError(400, 'invalid-request', ['from: must not be after to'])
      const rows = audit.list(q)
      const last = rows.at(-1)
      return {
        entries: rows.map((r) => ({
          id: r.id,
          time: iso(r.time_ms),
          user: r.user_name,
          role: r.role,
          action: r.action,
          passportCode: r.passport_code,
          batchId: r.batch_id,
          targetUser: r.target_user,
          detail: r.detail,
        })),
        nextBefore: rows.length === q.limit && last ? last.id : null,
      }
    },
  )
}
