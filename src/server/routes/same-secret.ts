import { createHash, timingSafeEqual } from 'node:crypto'

/** Compares two secrets in constant time whatever their lengths (both are hashed first). */
export const sameSecret = (a: string, b: string): boolean => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())
