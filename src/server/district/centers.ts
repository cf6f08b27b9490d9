import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { hashToken } from '../auth/secrets.ts'
import type { Pool } from './database.ts'
import { CenterIdSchema } from '../../core/district.ts'

/** A center's id at the district: what DISTRICT_CENTER_ID holds on the center. */
export { CenterIdSchema }
export const CenterNameSchema = z.string().trim().min(1).max(120)

/** Center secrets carry their own prefix, so one pasted in the wrong place is recognisable. */
const SECRET_PREFIX = 'sdc_'

export interface CenterRow {
  id: string
  name: string
  created_at: Date
  last_seq: string
  last_seen_at: Date | null
  events: string
}

export interface NewCenter {
  id: string
  name: string
  /** Shown once; only its hash is stored. */
  secret: string
}

/** Pairs a center: a new id (unless given) and secret. Fails on a taken id. */
export async function addCenter(pool: Pool, name: string, id?: string): Promise<NewCenter> {
  const centerName = CenterNameSchema.parse(name)
  const centerId = CenterIdSchema.parse(id ?? `c-${randomBytes(5).toString('hex')}`)
  const secret = SECRET_PREFIX + randomBytes(32).toString('base64url')
  await pool.query('INSERT INTO centers (id, name, secret_hash) VALUES ($1, $2, $3)', [centerId, centerName, hashToken(secret)])
  return { id: centerId, name: centerName, secret }
}

/** A new secret for a center (the old one stops working at once); null if there is no such center. */
export async function renewCenterSecret(pool: Pool, id: string): Promise<string | null> {
  const secret = SECRET_PREFIX + randomBytes(32).toString('base64url')
  const r = await pool.query('UPDATE centers SET secret_hash = $2 WHERE id = $1', [id, hashToken(secret)])
  return r.rowCount === 1 ? secret : null
}

export async function listCenters(pool: Pool): Promise<CenterRow[]> {
  const r = await pool.query<CenterRow>('SELECT id, name, created_at, last_seq, last_seen_at, events FROM centers ORDER BY id')
  return r.rows
}

/** The center whose secret this bearer token is, or null. */
export async function centerOfSecret(pool: Pool, secret: string): Promise<string | null> {
  if (!secret.startsWith(SECRET_PREFIX) || secret.length > 200) return null
  const r = await pool.query<{ id: string }>('SELECT id FROM centers WHERE secret_hash = $1', [hashToken(secret)])
  return r.rows[0]?.id ?? null
}
