import { z } from 'zod'

/**
 * @deprecated Retired by class-set passports (src/core/passport-code.ts). Kept only until the
 * browser side stops importing it (src/features/passport, src/features/visits); the event
 * schema recognises old ids in transit as `LegacyDevicePassportSchema`. Delete with that change.
 *
 * A science passport id: `SP-` + 12 Crockford base32 characters (60 random bits).
 * It is the only thing that identifies a student anywhere in Sophora — pseudonymous,
 * printed on the paper passport, short enough to type. Crockford's alphabet has no
 * I, L, O, U, so a hand-typed id can be normalised (see normalizePassportId).
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const PASSPORT_ID_LENGTH = 12

export const PassportIdSchema = z
  .string()
  .regex(/^SP-[0-9A-HJKMNP-TV-Z]{12}$/, 'must be SP- followed by 12 Crockford base32 characters')
export type PassportId = z.infer<typeof PassportIdSchema>

/** A new random passport id (uses Web Crypto, available in browsers and Node ≥ 19). */
export function createPassportId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): PassportId {
  const bytes = random(new Uint8Array(PASSPORT_ID_LENGTH))
  let out = 'SP-'
  // 256 % 32 === 0, so masking the low 5 bits keeps every symbol equally likely.
  for (const b of bytes) out += CROCKFORD[b & 31]
  return out
}

/**
 * Accepts what a person types from a paper passport (lower case, spaces or dashes,
 * I/L for 1, O for 0) and returns the canonical id, or null if it cannot be one.
 */
export function normalizePassportId(input: string): PassportId | null {
  const body = input.trim().toUpperCase().replace(/^SP/, '').replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1').replace(/O/g, '0')
  const id = `SP-${body}`
  return PassportIdSchema.safeParse(id).success ? id : null
}
