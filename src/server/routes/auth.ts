import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { DUMMY_PASSWORD_HASH, createToken, hashToken, verifyPassword } from '../auth/secrets.ts'
import { staffOf } from '../auth/guards.ts'
import { findUserByName, noteSignIn } from '../db/users-repo.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { LoginSchema, MeSchema, SessionSchema } from '../schemas/auth.ts'
import type { Login } from '../schemas/auth.ts'

/** Guide/admin sessions: log in with name and password, ask who you are, log out. */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { db, sessions, guards, config, now } }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { body: LoginSchema, response: { 200: SessionSchema, ...errorResponses } },
      config: {
        rateLimit: {
          max: config.loginRateMax,
          timeWindow: '1 minute',
          // After the body is parsed, so the limit is per IP *and* user name.
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${(request.body as Partial<Login> | undefined)?.name ?? ''}`,
        },
      },
    },
    async (request) => {
      const { name, password } = request.body
      const user = findUserByName(db, name)
      // Verify against a dummy hash for unknown names so timing doesn't reveal which names exist.
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH)
      if (!user || !ok) throw new HttpError(401, 'bad-credentials', ['wrong name or password'])
      // Only after the password matched, so this does not tell strangers which names exist.
      if (user.disabled_ms !== null) throw new HttpError(403, 'account-disabled', ['this account was disabled by an admin'])
      const token = createToken('user')
      const t = now()
      const expires = t + config.sessionTtlMs
      db.transaction(() => {
        sessions.start(hashToken(token), user.id, expires, t)
        noteSignIn(db, user.id, t)
      })()
      return { token, name: user.name, role: user.role, expiresAt: new Date(expires).toISOString() }
    },
  )

  app.post(
    '/api/auth/logout',
    {
      onRequest: guards.staff,
      schema: { response: { 204: z.undefined(), ...errorResponses } },
    },
    async (request, reply) => {
      sessions.end(staffOf(request).tokenHash)
      return reply.code(204).send()
    },
  )

  app.get(
    '/api/auth/me',
    {
      onRequest: guards.staff,
      schema: { response: { 200: MeSchema, ...errorResponses } },
    },
    async (request) => {
      const { name, role } = staffOf(request)
      return { name, role }
    },
  )
}
