import type { FastifyRequest } from 'fastify'
import type { StationsRepo } from '../db/stations-repo.ts'
import type { SessionsRepo } from '../db/sessions-repo.ts'
import { HttpError } from '../http-error.ts'
import { hashToken, tokenKind } from './secrets.ts'
import type { Role } from './users.ts'

export interface StationPrincipal {
  kind: 'station'
  stationId: string
}
export interface UserPrincipal {
  kind: 'user'
  userId: number
  name: string
  role: Role
  tokenHash: string
}
export type Principal = StationPrincipal | UserPrincipal

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
}

function bearer(request: FastifyRequest): string {
  const h = request.headers.authorization
  if (!h) throw new HttpError(401, 'missing-token', ['send Authorization: Bearer <token>'])
  const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(h)
  if (!m?.[1]) throw new HttpError(401, 'invalid-token', ['malformed Authorization header'])
  return m[1]
}

/**
 * The one way routes authenticate: a route-level `onRequest` hook (so no body is read
 * for a stranger) that sets `request.principal`. Station tokens write events and
 * and check passports in; guide/admin session tokens read statistics and manage passports.
 */
export function createGuards(repos: { stations: StationsRepo; sessions: SessionsRepo }, now: () => number) {
  function resolve(token: string): Principal {
    const kind = tokenKind(token)
    const tokenHash = hashToken(token)
    if (kind === 'station') {
      const stationId = repos.stations.idByTokenHash(tokenHash)
      if (stationId) return { kind: 'station', stationId }
    } else if (kind === 'user') {
      const u = repos.sessions.userByTokenHash(tokenHash, now())
      if (u) return { kind: 'user', userId: u.id, name: u.name, role: u.role, tokenHash }
    }
    throw new HttpError(401, 'invalid-token', ['unknown or expired token'])
  }

  return {
    async station(request: FastifyRequest): Promise<void> {
      const p = resolve(bearer(request))
      if (p.kind !== 'station') throw new HttpError(403, 'forbidden', ['only station tokens may write events'])
      request.principal = p
    },
    async staff(request: FastifyRequest): Promise<void> {
      const p = resolve(bearer(request))
      if (p.kind !== 'user') throw new HttpError(403, 'forbidden', ['needs a guide or admin login'])
      request.principal = p
    },
    /** User management and the audit: an admin's session only (a guide gets a 403 that says so). */
    async admin(request: FastifyRequest): Promise<void> {
      const p = resolve(bearer(request))
      if (p.kind !== 'user') throw new HttpError(403, 'forbidden', ['needs an admin login'])
      if (p.role !== 'admin') throw new HttpError(403, 'admin-only', ['only an admin may manage users or read the audit'])
      request.principal = p
    },
    /** Whoever the Authorization header names, or null without one (a bad token is still a 401). */
    optional(request: FastifyRequest): Principal | null {
      return request.headers.authorization === undefined ? null : resolve(bearer(request))
    },
    /** Either kind: a station checking a passport in, or a guide looking one up. */
    async stationOrStaff(request: FastifyRequest): Promise<void> {
      request.principal = resolve(bearer(request))
    },
  }
}
export type Guards = ReturnType<typeof createGuards>

/** The station the `station` guard admitted; throws (a 500: our bug) if the route forgot the guard. */
export function stationOf(request: FastifyRequest): StationPrincipal {
  const p = request.principal
  if (p?.kind !== 'station') throw new Error(`${request.routeOptions.url ?? request.url}: station guard did not run`)
  return p
}

/** The guide/admin the `staff` guard admitted. */
export function staffOf(request: FastifyRequest): UserPrincipal {
  const p = request.principal
  if (p?.kind !== 'user') throw new Error(`${request.routeOptions.url ?? request.url}: staff guard did not run`)
  return p
}
