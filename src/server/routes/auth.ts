import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { DUMMY_PASSWORD_HASH, createToken, hashToken, verifyPassword } from '../auth/secrets.ts'
import { UserNameSchema, findUser } from '../auth/users.ts'
import { HttpError } from '../http-error.ts'

export const LoginSchema = z.strictObject({ name: UserNameSchema, password: z.string().min(1).max(256) })
type Login = z.infer<typeof LoginSchema>

export async function authRoutes(app: FastifyInstance, { db, guards, config, now }: AppContext): Promise<void> {
  const insertSession = db.prepare('INSERT INTO auth_sessions (token_hash, user_id, expires_ms) VALUES (?, ?, ?)')
  const purgeExpired = db.prepare('DELETE FROM auth_sessions WHERE expires_ms <= ?')
  const deleteSession = db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?')

  app.post<{ Body: Login }>('/api/auth/login', {
    schema: { body: LoginSchema },
    config: {
      rateLimit: {
        max: config.loginRateMax,
        timeWindow: '1 minute',
        // After the body is parsed, so the limit is per IP *and* user name.
        hook: 'preHandler',
        keyGenerator: (request) => `${request.ip}|${(request.body as Partial<Login> | undefined)?.name ?? ''}`,
      },
    },
  }, async (request) => {
    const { name, password } = request.body
    const user = findUser(db, name)
    // Verify against a dummy hash for unknown names so timing doesn't reveal which names exist.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH)
    if (!user || !ok) throw new HttpError(401, 'bad-credentials', ['wrong name or password'])
    const token = createToken('user')
    const expires = now() + config.sessionTtlMs
    purgeExpired.run(now())
    insertSession.run(hashToken(token), user.id, expires)
    return { token, name: user.name, role: user.role, expiresAt: new Date(expires).toISOString() }
  })

  app.post('/api/auth/logout', async (request, reply) => {
    guards.user(request)
    deleteSession.run(hashToken(request.headers.authorization?.slice('Bearer '.length) ?? ''))
    return reply.code(204).send()
  })

  app.get('/api/auth/me', async (request) => {
    const u = guards.user(request)
    return { name: u.name, role: u.role }
  })
}
