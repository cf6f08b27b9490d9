/** The in-VR keypad's layout and typing: every symbol reachable, big keys, the code grouped like the card. */
import { describe, expect, it } from 'vitest'
import { CROCKFORD } from '../../../core/passport-code.ts'
import { KEY, KEYS, keyAt, shownCode, typeKey } from '../vr-keypad-layout.ts'

describe('in-VR keypad layout', () => {
  it('has every passport symbol once, plus backspace and OK, each at least 6 cm wide', () => {
    expect(KEYS.map((k) => k.id).sort()).toEqual([...CROCKFORD, 'back', 'ok'].sort())
    expect(KEY).toBeGreaterThanOrEqual(0.06)
    for (const k of KEYS) expect(k.w).toBeGreaterThanOrEqual(0.06)
  })

  it('finds each key at its centre and near its edges, and nothing outside the pad', () => {
    for (const k of KEYS) {
      expect(keyAt(k.x, k.y)).toBe(k.id)
      expect(keyAt(k.x + k.w / 2 - 0.002, k.y - KEY / 2 + 0.002)).toBe(k.id)
    }
    expect(keyAt(5, 5)).toBeNull()
  })

  it('types up to ten symbols, backspace drops the last, OK types nothing', () => {
    let typed = ''
    for (const ch of 'K7QM2XHD9WZ') typed = typeKey(typed, ch)
    expect(typed).toBe('K7QM2XHD9W')
    expect(typeKey(typed, 'ok')).toBe(typed)
    expect(typeKey(typeKey(typed, 'back'), 'back')).toBe('K7QM2XHD')
    expect(typeKey('', 'back')).toBe('')
  })

  it('shows the code grouped like the card, with the places still to type', () => {
    expect(shownCode('K7QM2XH')).toBe('K7QM2-XH___')
    expect(shownCode('')).toBe('_____-_____')
  })
})
