import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pixelmatch from 'pixelmatch'
import sharp from 'sharp'
import type { Rgba } from './metrics.ts'

/** Approved thumbnails live with the exhibit: exhibits/<id>/look/<nn>-<step id>.webp (lossless). */
export const LOOK_DIR = 'look'
/** pixelmatch's per-pixel colour threshold (its default) and the share of pixels that may differ. */
export const MATCH = { threshold: 0.1, maxChanged: 0.005 } as const

export const refName = (index: number, stepId: string) => `${String(index + 1).padStart(2, '0')}-${stepId}.webp`

/** The approved first-step thumbnail of an exhibit folder (the lobby card's picture), or null. */
export function firstLook(exhibitDir: string): string | null {
  const dir = join(exhibitDir, LOOK_DIR)
  if (!existsSync(dir)) return null
  const first = readdirSync(dir)
    .filter((f) => /^01-.+\.webp$/.test(f))
    .sort()[0]
  return first ? join(dir, first) : null
}

export async function readImage(path: string): Promise<Rgba> {
  const { data, info } = await sharp(path).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
}

export async function writeImage(path: string, img: Rgba): Promise<void> {
  const s = sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 4 } }).removeAlpha()
  await (path.endsWith('.webp') ? s.webp({ lossless: true, effort: 6 }) : s.png()).toFile(path)
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
  for (const s of shots) await writeImage(join(dir, s.name), s.img)
}
