import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Rgba } from '../../../bench/look/metrics.ts'
import { approve, compare, firstLook, LOOK_DIR, readImage, refName } from '../../../bench/look/references.ts'

const dir = mkdtempSync(join(tmpdir(), 'sophora-look-refs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const noise = (w: number, h: number, seed: number): Rgba => {
  const data = new Uint8Array(w * h * 4)
  let a = seed
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : (a = (a * 1103515245 + 12345) >>> 0) >>> 24
  return { width: w, height: h, data }
}

describe('approved pictures', () => {
  it('approving writes lossless pictures that read back byte for byte and compare as unchanged', async () => {
    const img = noise(32, 20, 7)
    await approve(dir, [{ name: refName(0, 'alarm'), img }])
    const back = await readImage(join(dir, LOOK_DIR, '01-alarm.webp'))
    expect(Buffer.from(back.data).equals(Buffer.from(img.data))).toBe(true)
    expect(compare(back, img).changed).toBe(0)
    expect(firstLook(dir)).toBe(join(dir, LOOK_DIR, '01-alarm.webp'))
  })

  it('a changed block is counted as its share of the picture; another size is all changed', () => {
    const a = noise(20, 10, 1)
    const b = { ...a, data: Uint8Array.from(a.data) }
    for (let y = 0; y < 2; y++) for (let x = 0; x < 10; x++) b.data.set([255, 255, 255, 255], (y * 20 + x) * 4)
    // 20 of 200 pixels, less any that were already (nearly) white
    expect(compare(a, b).changed).toBeGreaterThan(0.08)
    expect(compare(a, b).changed).toBeLessThanOrEqual(0.1)
    expect(compare(a, noise(10, 20, 1)).changed).toBe(1)
  })

  it('approving again drops the pictures of steps that no longer exist', async () => {
    writeFileSync(join(dir, LOOK_DIR, '09-gone.webp'), 'x')
    await approve(dir, [{ name: refName(0, 'alarm'), img: noise(32, 20, 8) }])
    expect(readdirSync(join(dir, LOOK_DIR))).toEqual(['01-alarm.webp'])
  })
})
