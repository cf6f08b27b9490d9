import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pixelmatch from 'pixelmatch'
import sharp from 'sharp'
import { LOOK_DIR } from '../../src/build/cover-status.ts'
import type { Rgba } from './metrics.ts'

export { firstLook, LOOK_DIR } from '../../src/build/cover-status.ts'

/**
 * pixelmatch's per-pixel colour threshold (its default) and the share of pixels that may differ:
 * 1 %, because two fresh runs differed by up to 0.31 % (flood-typhoon's whirlpool turns by frame
 * code that also runs while the exhibit loads, before the loop is frozen); a lost or moved
 * object, a changed light or material changes far more.
 */
export const MATCH = { threshold: 0.1, maxChanged: 0.01 } as const

/** An approved picture's file name under exhibits/<id>/look/: the step's place and id (lossless WebP). */
export const refName = (index: number, stepId: string) => `${String(index + 1).padStart(2, '0')}-${stepId}.webp`

export async function readImage(path: string): Promise<Rgba> {
  const { data, info } = await sharp(path).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
}

export async function writeImage(path: string, img: Rgba): Promise<void> {
  const s = sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 4 } }).removeAlpha()
  await (path.endsWith('.webp') ? s.webp({ lossless: true, effort: 4 }) : s.png()).toFile(path)
}

export interface Comparison {
  /** share of pixels that differ (0..1); 1 when the sizes differ */
  changed: number
  diff: Rgba
}

export function compare(approved: Rgba, now: Rgba): Comparison {
  const { width, height } = now
  const diff: Rgba = { width, height, data: new Uint8Array(width * height * 4) }
  if (approved.width !== width || approved.height !== height) return { changed: 1, diff }
  const n = pixelmatch(approved.data, now.data, diff.data, width, height, { threshold: MATCH.threshold })
  return { changed: n / (width * height), diff }
}

/** Replace an exhibit's approved thumbnails with these (steps that no longer exist lose theirs). */
export async function approve(exhibitDir: string, shots: { name: string; img: Rgba }[]): Promise<void> {
  const dir = join(exhibitDir, LOOK_DIR)
  mkdirSync(dir, { recursive: true })
  const keep = new Set(shots.map((s) => s.name))
  for (const f of readdirSync(dir)) if (f.endsWith('.webp') && !keep.has(f)) rmSync(join(dir, f))
  await Promise.all(shots.map((s) => writeImage(join(dir, s.name), s.img)))
}
