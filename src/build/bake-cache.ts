import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BAKE_FORMAT, BakedShellSchema, BakeSpecSchema, type BakedShell, type BakeSpec } from '../core/bake-spec.ts'
import type { BakeResult } from './bake-light.ts'

/** The bake's own code, and the SDK geometry a spec may build meshes with: changing either re-bakes every shell. */
const ENGINE = [
  './bake-light.ts',
  './bake-scene.ts',
  './bake-cache.ts',
  '../core/bake-grid.ts',
  '../sdk/bake-node.ts',
  '../sdk/merge-parts.ts',
  '../sdk/merge-boxes.ts',
].map((f) => fileURLToPath(new URL(f, import.meta.url)))
/** Colours are stored divided by this, so light up to twice white survives 8 bits. */
const RANGE = 2

/** The spec file and every file it imports relatively, transitively: what its geometry and lights come from. */
export function specSources(spec: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) visit(resolve(dirname(file), m[1]!))
  }
  visit(spec)
  return [...seen].sort()
}

/** Content hash of a spec, its imports and the bake engine: equal hash, equal bytes. */
export function bakeHash(spec: string, root: string): string {
  const h = createHash('sha256').update(`format ${BAKE_FORMAT}\n`)
  for (const f of [...specSources(spec), ...ENGINE]) h.update(`${relative(root, f).split(sep).join('/')}\n`).update(readFileSync(f))
  return h.digest('hex')
}

/**
 * Where a spec's bake is kept, committed so a clean clone builds without baking:
 * `exhibits/<id>/scene/corridor.bake.ts` → `exhibits/<id>/assets/baked/corridor.json`.
 */
export function bakeCachePath(spec: string, root: string): string {
  const parts = relative(root, spec).split(sep)
  const name = `${basename(spec).replace(/\.bake\.tsx?$/, '')}.json`
  if (parts[0] === 'exhibits' && parts.length > 2) return join(root, 'exhibits', parts[1]!, 'assets', 'baked', name)
  return join(dirname(spec), 'baked', name)
}

export function readBakeCache(path: string, hash: string): BakedShell | undefined {
  if (!existsSync(path)) return undefined
  const parsed = BakedShellSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  return parsed.success && parsed.data.hash === hash ? parsed.data : undefined
}

export function writeBakeCache(path: string, shell: BakedShell) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(shell, null, 1)}\n`)
}

/** 8 bits spent evenly to the eye: linear bytes would band in the dark corners. */
const toSRGB = (x: number) => (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055)

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')

/** Packs a bake for shipping: delta-coded sRGB bytes per vertex and one bit per drawn triangle. */
export function encodeBake(spec: BakeSpec, result: BakeResult, hash: string, bakeMs: number): BakedShell {
  const parsed = BakeSpecSchema.parse(spec)
  const { colors, keep } = result
  const col = new Uint8Array(colors.length)
  let prev = [0, 0, 0]
  for (let i = 0; i < colors.length; i += 3) {
    const now = [0, 1, 2].map((a) => Math.round(toSRGB(Math.min(1, colors[i + a]! / RANGE)) * 255))
    for (let a = 0; a < 3; a++) col[i + a] = (now[a]! - prev[a]! + 256) & 255
    prev = now
  }
  const bits = new Uint8Array(Math.ceil(keep.length / 8))
  let drawn = 0
  keep.forEach((k, f) => {
    if (!k) return
    bits[f >> 3] = (bits[f >> 3] ?? 0) | (1 << (f & 7))
    drawn++
  })
  return {
    format: BAKE_FORMAT,
    hash,
    boxes: parsed.boxes.map(({ size, at, rot }) => (rot ? { size, at, rot } : { size, at })),
    cell: parsed.cell,
    meshes: result.meshes,
    vertices: colors.length / 3,
    triangles: drawn,
    range: RANGE,
    colors: b64(col),
    keep: b64(bits),
    bakeMs: Math.round(bakeMs),
  }
}
