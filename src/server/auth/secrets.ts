import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { BinaryLike, ScryptOptions } from 'node:crypto'

/**
 * Passwords/PINs: scrypt with a random salt, compared in constant time.
 * Tokens: 256 random bits, so a plain SHA-256 is enough to store them.
 */
const N = 16384,
  R = 8,
  P = 1,
  KEYLEN = 32

function scryptAsync(pw: BinaryLike, salt: BinaryLike, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((res, rej) => scrypt(pw, salt, keylen, opts, (err, key) => (err ? rej(err) : res(key))))
}

/** The scrypt cost (N) of new hashes in production. */
export const PASSWORD_COST = N

/**
 * `cost` is scrypt's N (a power of two). Only tests pass a lower one (through the app context):
 * a hash records its own cost, so verifying needs no option, and production hashes are unchanged.
 */
export async function hashPassword(password: string, cost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(password.normalize('NFKC'), salt, KEYLEN, { N: cost, r: R, p: P })
  return `scrypt$${cost}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$')
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A hash to verify against when the user does not exist, so both paths cost the same. */
export const DUMMY_PASSWORD_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEYLEN).toString('base64url')}`

export type TokenKind = 'station' | 'user'
const PREFIX: Record<TokenKind, string> = { station: 'sst_', user: 'sut_' }

export function createToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url')
}

export function tokenKind(token: string): TokenKind | null {
  if (token.startsWith(PREFIX.station)) return 'station'
  if (token.startsWith(PREFIX.user)) return 'user'
  return null
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
