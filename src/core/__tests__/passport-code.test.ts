import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CROCKFORD, checkPassportCode, createPassportCode, formatPassportCode, PassportCodeSchema } from '../passport-code.ts'

const bytes = fc.uint8Array({ minLength: 8, maxLength: 8 })
/** Deterministic "random" source for createPassportCode: the given bytes, then a counter. */
const fromBytes = (first: Uint8Array) => {
  let n = 0
  return (b: Uint8Array<ArrayBuffer>) => {
    b.set(n++ === 0 ? first : b.map((_, i) => (i * 37 + n * 11) & 255))
    return b
  }
}

describe('passport code', () => {
  it('creates valid 10-symbol codes from the Crockford alphabet', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = createPassportCode(fromBytes(b))
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)
        expect(PassportCodeSchema.safeParse(code).success).toBe(true)
        expect(checkPassportCode(code)).toEqual({ ok: true, code })
      }),
    )
  })

  it('catches every single substitution and names its position', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 31 }), (b, pos, shift) => {
        const code = createPassportCode(fromBytes(b))
        const wrong = CROCKFORD[(CROCKFORD.indexOf(code[pos]!) + shift) % 32]!
        const typed = code.slice(0, pos) + wrong + code.slice(pos + 1)
        expect(checkPassportCode(typed)).toEqual({ ok: false, problem: 'check-position', position: pos + 1 })
      }),
      { numRuns: 2000 },
    )
  })

  it('catches every swap of two different neighbours (and names it when only one swap fits)', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 8 }), (b, pos) => {
        const code = createPassportCode(fromBytes(b))
        fc.pre(code[pos] !== code[pos + 1])
        const typed = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2)
        const r = checkPassportCode(typed)
        expect(r.ok).toBe(false)
        if (!r.ok && r.problem === 'swapped') expect(r.position).toBe(pos + 1)
        else expect(r).toEqual({ ok: false, problem: 'garbled' })
      }),
      { numRuns: 2000 },
    )
  })

  it('normalises what a child types: case, spaces, dashes, I/L→1, O→0', () => {
    const code = createPassportCode(fromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])))
    const typed = ` ${formatPassportCode(code).toLowerCase().replace(/1/g, 'l').replace(/0/g, 'o')} `
    expect(checkPassportCode(typed)).toEqual({ ok: true, code })
    expect(formatPassportCode(code)).toMatch(/^.{5}-.{5}$/)
  })

  it('explains empty, short, long and impossible input', () => {
    expect(checkPassportCode('  ')).toEqual({ ok: false, problem: 'empty' })
    expect(checkPassportCode('K7QM2')).toEqual({ ok: false, problem: 'too-short' })
    expect(checkPassportCode('K7QM2XHD9W77')).toEqual({ ok: false, problem: 'too-long' })
    expect(checkPassportCode('K7QU2XHD9W')).toEqual({ ok: false, problem: 'bad-char', position: 4, char: 'U' })
  })
})
