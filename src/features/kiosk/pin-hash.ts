import type { PinHash } from './kiosk-settings.ts'

/** 4–8 digits: typed on a touchscreen keypad by staff. */
export const PIN_PATTERN = /^\d{4,8}$/
const ITERATIONS = 210_000 // OWASP's figure for PBKDF2-HMAC-SHA-256

const hex = (b: ArrayBuffer | Uint8Array) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('')
const unhex = (s: string) => new Uint8Array((s.match(/../g) ?? []).map((h) => parseInt(h, 16)))

/** WebCrypto exists only in a secure context (HTTPS or localhost); see docs/https.md. */
export const canHashPin = () => typeof crypto !== 'undefined' && !!crypto.subtle

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256)
  return hex(bits)
}

export async function hashPin(pin: string, iterations = ITERATIONS): Promise<PinHash> {
  if (!PIN_PATTERN.test(pin)) throw new Error('PIN must be 4–8 digits')
  const salt = crypto.getRandomValues(new Uint8Array(16))
  return { salt: hex(salt), hash: await derive(pin, salt, iterations), iterations }
}

/** Constant-time compare of the derived hex strings (both are 64 chars). */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!PIN_PATTERN.test(pin) || !canHashPin()) return false
  const got = await derive(pin, unhex(stored.salt), stored.iterations)
  let diff = got.length ^ stored.hash.length
  for (let i = 0; i < got.length; i++) diff |= got.charCodeAt(i) ^ stored.hash.charCodeAt(i % stored.hash.length)
  return diff === 0
}
