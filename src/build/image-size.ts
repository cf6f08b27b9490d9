import { readFileSync } from 'node:fs'

/**
 * Width and height of a PNG or JPEG from its header, synchronously (the folder checks run
 * inside synchronous validation; sharp's metadata is async). null: not a PNG or JPEG we can read.
 */
export function imageSize(file: string): { width: number; height: number; format: 'png' | 'jpeg' } | null {
  const b = readFileSync(file)
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('ascii', 12, 16) === 'IHDR') {
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), format: 'png' }
  }
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    // fill bytes between markers
    if (marker === 0xff) {
      i++
      continue
    }
    const len = b.readUInt16BE(i + 2)
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7), format: 'jpeg' }
    }
    i += 2 + len
  }
  return null
}
