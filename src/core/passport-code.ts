import { z } from 'zod'

/**
 * The science passport code printed on a student's card: 10 Crockford base32 symbols,
 * shown as `K7QM2-XHD9W`. It is the only identifier of a student in Sophora
 * (pseudonymous; the name is written on the paper only).
 *
 * 8 symbols are random (40 bits: a rate-limited endpoint cannot be enumerated) and 2
 * are check symbols over GF(37): a code v1…v10 (values 0…31) is valid when
 *   S0 = Σ vᵢ ≡ 0  and  S1 = Σ i·vᵢ ≡ 0   (mod 37).
 * One mistyped symbol (error e ≠ 0 at position j) gives S0 = e, S1 = j·e, so the
 * position is j = S1 / S0 — the station can say "check the 5th character". Two swapped
 * neighbours give S0 = 0, S1 = a − b ≠ 0: always caught. 37 is prime and every
 * difference of symbols is below 37, so neither can cancel out.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_LENGTH = 10
const RANDOM_LENGTH = 8
const P = 37

export const PassportCodeSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{10}$/, 'must be 10 Crockford base32 characters')
  .refine((c) => syndromes(values(c)).every((s) => s === 0), 'check characters do not match')
export type PassportCode = z.infer<typeof PassportCodeSchema>

const mod = (n: number) => ((n % P) + P) % P
const values = (code: string) => [...code].map((ch) => CROCKFORD.indexOf(ch))
function syndromes(v: number[]): [number, number] {
  let s0 = 0,
    s1 = 0
  v.forEach((x, i) => {
    s0 += x
    s1 += (i + 1) * x
  })
  return [mod(s0), mod(s1)]
}
/** Multiplicative inverse mod 37 (Fermat: a^(p−2)). */
function inverse(a: number): number {
  let r = 1
  for (let i = 0; i < P - 2; i++) r = mod(r * a)
  return r
}

/** A new random valid code. Check values that would fall outside the alphabet (32…36) are redrawn. */
export function createPassportCode(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b)): PassportCode {
  for (;;) {
    // 256 % 32 === 0: masking the low 5 bits keeps every symbol equally likely.
    const v = [...random(new Uint8Array(RANDOM_LENGTH))].map((b) => b & 31)
    const [a, b] = syndromes(v)
    const v9 = mod(b - 10 * a) // from v9 + v10 ≡ −a and 9·v9 + 10·v10 ≡ −b
    const v10 = mod(-a - v9)
    if (v9 < 32 && v10 < 32) return [...v, v9, v10].map((x) => CROCKFORD[x]).join('')
  }
}

/** `K7QM2XHD9W` → `K7QM2-XHD9W`: two groups of five, easy to read aloud and copy. */
export function formatPassportCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

export type CodeCheck =
  | { ok: true; code: PassportCode }
  | { ok: false; problem: 'empty' | 'too-short' | 'too-long' | 'garbled' }
  | { ok: false; problem: 'bad-char'; position: number; char: string }
  | { ok: false; problem: 'check-position'; position: number }
  | { ok: false; problem: 'swapped'; position: number }

/**
 * What a child typed → a code, or the most helpful problem: lower case, spaces and dashes
 * are fine, I/L read as 1 and O as 0; positions are 1-based over the 10 symbols.
 */
export function checkPassportCode(input: string): CodeCheck {
  const text = input
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
  if (text.length === 0) return { ok: false, problem: 'empty' }
  const bad = [...text].findIndex((ch) => !CROCKFORD.includes(ch))
  if (bad >= 0 && bad < CODE_LENGTH) return { ok: false, problem: 'bad-char', position: bad + 1, char: text[bad]! }
  if (text.length < CODE_LENGTH) return { ok: false, problem: 'too-short' }
  if (text.length > CODE_LENGTH) return { ok: false, problem: 'too-long' }
  const v = values(text)
  const [s0, s1] = syndromes(v)
  if (s0 === 0 && s1 === 0) return { ok: true, code: text }
  if (s0 !== 0) {
    const j = mod(s1 * inverse(s0))
    return j >= 1 && j <= CODE_LENGTH ? { ok: false, problem: 'check-position', position: j } : { ok: false, problem: 'garbled' }
  }
  // S0 = 0: the symbols are right but not their order — find the one swap that fixes it.
  const fixes = v
    .slice(0, -1)
    .map((_, i) => i)
    .filter((i) => {
      const w = [...v]
      ;[w[i], w[i + 1]] = [w[i + 1]!, w[i]!]
      return syndromes(w).every((s) => s === 0)
    })
  return fixes.length === 1 ? { ok: false, problem: 'swapped', position: fixes[0]! + 1 } : { ok: false, problem: 'garbled' }
}
