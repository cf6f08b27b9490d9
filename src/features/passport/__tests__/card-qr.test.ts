import { describe, expect, it } from 'vitest'
import { createPassportCode } from '../../../core/passport-code.ts'
import { codeFromScan, ordinal } from '../code-messages.ts'
import { qrTextFor } from '../print-sheet.tsx'

describe('what the card QR holds and what a scan gives back', () => {
  const code = createPassportCode()
  it('a public address gives the passport page URL; none gives the code alone', () => {
    expect(qrTextFor(code, 'https://kepu.example.org/')).toBe(`https://kepu.example.org/passport/${code}`)
    expect(qrTextFor(code, null)).toBe(code)
    expect(qrTextFor(code, null, 'http://192.168.1.20:8080')).toBe(`http://192.168.1.20:8080/passport/${code}`)
    expect(qrTextFor(code, 'https://kepu.example.org', 'http://192.168.1.20:8080')).toBe(`https://kepu.example.org/passport/${code}`)
  })
  it('a scan of either form gives the code back', () => {
    expect(codeFromScan(qrTextFor(code, 'https://kepu.example.org/center'))).toBe(code)
    expect(codeFromScan(`${qrTextFor(code, 'http://10.0.0.2:8080')}?from=card`)).toBe(code)
    expect(codeFromScan(` ${code}\n`)).toBe(code)
  })
  it('English ordinals', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '10th', '11th', '12th', '13th', '21st', '22nd'])
  })
})
