import type { FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import { HttpError } from '../http-error.ts'
import { hashToken, tokenKind } from './secrets.ts'
import type { Role } from './users.ts'

export interface StationPrincipal { kind: 'station'; stationId: string }
export interface UserPrincipal { kind: 'user'; userId: number; name: string; role: Role }
export type Principal = StationPrincipal | UserPrincipal

function bearer(request: FastifyRequest): string {
  const h = request.headers.authorization
  if (!h) throw new HttpError(401, 'missing-token', ['send Authorization: Bearer <token>'])
  const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(h)
  if (!m?.[1]) throw new HttpError(401, 'invalid-token', ['malformed Authorization header'])
  return m[1]
}

/**
 * Resolves bearer tokens. Station tokens write events and nothing else; user
 * (guide/admin) session tokens read statistics and nothing else.
 */
export function createGuards(db: Db, now: () => number = Date.now) {
  const stationByHash = db.prepare<[string], { id: string }>('SELECT id FROM stations WHERE token_hash = ?')
  const userByHash = db.prepare<[string, number], { id: number; name: string; role: Role }>(
    'SELECT u.id, u.name, u.role FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_ms > ?')

  function resolve(token: string): Principal {
    const kind = tokenKind(token)
    if (kind === 'station') {
      const row = stationByHash.get(hashToken(token))
      if (row) return { kind: 'station', stationId: row.id }
    } else if (kind === 'user') {
      const row = userByHash.get(hashToken(token), now())
      if (row) return { kind: 'user', userId: row.id, name: row.name, role: row.role }
    }
    throw new HttpError(401, 'invalid-token', ['unknown or expired token'])
  }

  return {
    station(request: FastifyRequest): StationPrincipal {
      const p = resolve(bearer(request))
      if (p.kind !== 'station') throw new HttpError(403, 'forbidden', ['only station tokens may write events'])
      return p
    },
    staff(request: FastifyRequest, roles: readonly Role[] = ['guide', 'admin']): UserPrincipal {
      const p = resolve(bearer(request))
      if (p.kind !== 'user' || !roles.includes(p.role)) throw new HttpError(403, 'forbidden', ['statistics need a guide or admin login'])
      return p
    },
    user(request: FastifyRequest): UserPrincipal {
      const p = resolve(bearer(request))
      if (p.kind !== 'user') throw new HttpError(403, 'forbidden', [])
      return p
    },
  }
}
export type Guards = ReturnType<typeof createGuards>
