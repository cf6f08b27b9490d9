import { CanvasTexture, SRGBColorSpace, type BufferGeometry } from 'three'
import { CODE_LENGTH, CROCKFORD, formatPassportCode } from '../../core/passport-code.ts'
import { mergeBoxes, type BoxPart } from '../../sdk/merge-boxes.ts'

/** A key of the in-VR keypad: a passport symbol, backspace or OK. */
export type KeyId = string | 'back' | 'ok'
export interface KeySpot {
  id: KeyId
  /** centre in the keypad's plane, metres */
  x: number
  y: number
  w: number
}

const COLS = 8
/** 7.5 cm keys at about 1.2 m: big enough to hit with a shaky controller ray. */
export const KEY = 0.075
export const PITCH = 0.09
export const KEYPAD_W = COLS * PITCH
export const KEYPAD_H = 5 * PITCH

/** The 32 symbols in 4 rows of 8 (the card's own alphabet), then ⌫ and OK below. */
export const KEYS: readonly KeySpot[] = [
  ...[...CROCKFORD].map((ch, i) => ({
    id: ch,
    x: -KEYPAD_W / 2 + PITCH * ((i % COLS) + 0.5),
    y: KEYPAD_H / 2 - PITCH * (Math.floor(i / COLS) + 0.5),
    w: KEY,
  })),
  { id: 'back', x: -KEYPAD_W / 2 + PITCH * 1.5, y: KEYPAD_H / 2 - PITCH * 4.5, w: PITCH * 3 - (PITCH - KEY) },
  { id: 'ok', x: KEYPAD_W / 2 - PITCH * 2, y: KEYPAD_H / 2 - PITCH * 4.5, w: PITCH * 4 - (PITCH - KEY) },
]

/** The key under a point of the keypad plane (local metres), if any: the gaps count as the nearer key's. */
export function keyAt(x: number, y: number): KeyId | null {
  const k = KEYS.find((s) => Math.abs(x - s.x) <= s.w / 2 + (PITCH - KEY) / 2 && Math.abs(y - s.y) <= PITCH / 2)
  return k?.id ?? null
}

/** Typing with keys: up to 10 symbols, backspace drops the last. */
export function typeKey(typed: string, key: KeyId): string {
  if (key === 'back') return typed.slice(0, -1)
  if (key === 'ok') return typed
  return typed.length < CODE_LENGTH ? typed + key : typed
}

/** What was typed, grouped like the card with the places still to type: `K7QM2-XH___`. */
export function shownCode(typed: string): string {
  return formatPassportCode(typed.padEnd(CODE_LENGTH, '_'))
}

/** All keys as one vertex-coloured geometry: one draw call for 34 keys. */
export function keypadGeometry(): BufferGeometry {
  const parts: BoxPart[] = KEYS.map((k) => ({
    size: [k.w, KEY, 0.012],
    at: [k.x, k.y, 0],
    color: k.id === 'ok' ? '#2e7d4f' : k.id === 'back' ? '#7a4a2c' : '#34423a',
  }))
  return mergeBoxes(parts)
}

const PX = 1024
/**
 * Every key's label in one transparent texture laid over the keys (one more draw call). The
 * symbols are ASCII, so the canvas's own sans-serif draws them on any headset browser.
 */
export function keypadLabels(): CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = PX
  canvas.height = Math.round((PX * KEYPAD_H) / KEYPAD_W)
  const g = canvas.getContext('2d')
  if (!g) throw new Error('no 2D canvas for the keypad labels')
  const s = PX / KEYPAD_W
  const cx = (x: number) => (x + KEYPAD_W / 2) * s
  const cy = (y: number) => (KEYPAD_H / 2 - y) * s
  g.fillStyle = '#ffffff'
  g.textAlign = 'center'
  g.textBaseline = 'middle'
  g.font = `bold ${Math.round(KEY * s * 0.62)}px sans-serif`
  for (const k of KEYS) {
    if (k.id === 'back') {
      // a drawn arrow, not a glyph: a backspace symbol is missing from many system fonts
      const x = cx(k.x),
        y = cy(k.y),
        r = KEY * s * 0.28
      g.beginPath()
      g.moveTo(x - r * 1.6, y)
      g.lineTo(x - r * 0.4, y - r)
      g.lineTo(x + r * 1.6, y - r)
      g.lineTo(x + r * 1.6, y + r)
      g.lineTo(x - r * 0.4, y + r)
      g.closePath()
      g.fill()
    } else g.fillText(k.id === 'ok' ? 'OK' : k.id, cx(k.x), cy(k.y))
  }
  const tex = new CanvasTexture(canvas)
  tex.colorSpace = SRGBColorSpace
  return tex
}
