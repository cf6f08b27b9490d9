import { checkPassportCode } from '../core/passport-code.ts'
import type { PassportCode } from '../core/passport-code.ts'
import { HttpError } from './http-error.ts'

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`

/**
 * A code from a URL (typed forms allowed: lower case, dashes, I/L/O) → the canonical code,
 * or a 400 whose reason names the character to check, as the station says it.
 */
export function parseCodeParam(input: string): PassportCode {
  const c = checkPassportCode(input)
  if (c.ok) return c.code
  const reason = (() => {
    switch (c.problem) {
      case 'empty':
        return 'code: empty'
      case 'too-short':
        return 'code: too short (a passport code has 10 characters)'
      case 'too-long':
        return 'code: too long (a passport code has 10 characters)'
      case 'garbled':
        return 'code: more than one character is wrong'
      case 'bad-char':
        return `code: position ${c.position}: "${c.char}" is not used in passport codes (check the ${ordinal(c.position)} character)`
      case 'check-position':
        return `code: position ${c.position}: check the ${ordinal(c.position)} character`
      case 'swapped':
        return `code: position ${c.position}: the ${ordinal(c.position)} and ${ordinal(c.position + 1)} characters look swapped`
    }
  })()
  throw new HttpError(400, 'malformed-passport-code', [reason])
}
