/**
 * Sophora's glyph-subset font, made from a full CJK font installed from npm.
 *
 * Source: Noto Sans SC Regular (Google Fonts' build of Noto Sans CJK SC, TrueType outlines,
 * SIL OFL 1.1) from the `@expo-google-fonts/noto-sans-sc` package, a dependency like any other:
 * nothing to install by hand, the same bytes on every machine.
 * Output (one folder per character set, so builds with different exhibit sets never overwrite
 * each other's font): sophora-sc.woff (3D text: troika reads WOFF 1, not WOFF2),
 * sophora-sc.woff2 (DOM @font-face), sophora-sc.charset.txt (every code point both map).
 * Same characters -> same bytes (harfbuzz subsetting, fixed compression settings, no dates).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as hb from 'harfbuzzjs'

const require = createRequire(import.meta.url)

/** The npm package and file of the full font. */
export const SOURCE_FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc'
const SOURCE_FONT_FILE = `${SOURCE_FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`
/** Bump when the subsetting itself changes, so cached fonts are rebuilt. */
const GENERATOR_VERSION = 1

export const SCENE_FONT_NAME = 'sophora-sc.woff'
export const DOM_FONT_NAME = 'sophora-sc.woff2'
export const CHARSET_NAME = 'sophora-sc.charset.txt'

// fontverter (subset-font's converter) wraps an sfnt as WOFF/WOFF2 with fixed settings.
const fontverter = createRequire(require.resolve('subset-font'))('fontverter') as {
  convert(font: Buffer, to: 'sfnt' | 'woff' | 'woff2', from?: 'sfnt'): Promise<Buffer>
}

/** Absolute path of the full source font; throws a message saying how to get it. */
export function sourceFontPath(): string {
  try {
    return require.resolve(SOURCE_FONT_FILE)
  } catch {
    throw new Error(`the full CJK font ${SOURCE_FONT_FILE} is not installed: run npm ci (it is a dependency in package.json)`)
  }
}

let sourceCache: { path: string; font: Buffer; codePoints: Set<number>; version: string } | undefined
function loadSource() {
  const path = sourceFontPath()
  if (sourceCache?.path !== path) {
    const font = readFileSync(path)
    const pkg = JSON.parse(readFileSync(join(dirname(path), '..', 'package.json'), 'utf8')) as { version: string }
    sourceCache = { path, font, codePoints: fontCodePoints(font), version: pkg.version }
  }
  return sourceCache
}

/** Code points an sfnt maps (harfbuzz's view of its cmap). */
export function fontCodePoints(sfnt: Buffer): Set<number> {
  return new Set(new hb.Face(new hb.Blob(sfnt), 0).collectUnicodes())
}

/** Code points a WOFF/WOFF2/sfnt file maps. */
export async function fontFileCodePoints(file: string): Promise<Set<number>> {
  return fontCodePoints(await fontverter.convert(readFileSync(file), 'sfnt'))
}

/** Characters of `chars` the full source font has no glyph for (emoji, rare CJK extensions). */
export function charsMissingFromSource(chars: string): string[] {
  const { codePoints } = loadSource()
  return [...chars].filter((c) => !codePoints.has(c.codePointAt(0)!))
}

type HbExports = Record<string, (...args: number[]) => number> & { memory: { buffer: ArrayBuffer } }
let harfbuzz: Promise<HbExports> | undefined
// harfbuzz's subsetter driven directly (as subset-font does) to choose the kept layout features.
function loadHarfbuzzSubset(): Promise<HbExports> {
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))
  harfbuzz ??= (globalThis as unknown as { WebAssembly: { instantiate(b: Buffer): Promise<{ instance: { exports: unknown } }> } }).WebAssembly.instantiate(
    wasm,
  ).then(({ instance }) => {
    const x = instance.exports as HbExports
    x._initialize!()
    return x
  })
  return harfbuzz
}
const HB_MEMORY_MODE_WRITABLE = 2
const HB_SUBSET_SETS_NAME_ID = 4
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6
const HB_SUBSET_FLAGS_NO_HINTING = 0x1
const tag = (s: string) => [...s].reduce((a, c) => ((a << 8) | c.charCodeAt(0)) >>> 0, 0)
/**
 * Layout features troika applies to horizontal text. All of them (the subsetter's default) would
 * also keep every glyph `locl`, `vert`, `fwid`, `palt`... can reach: forms we never show.
 */
const KEEP_FEATURES = ['ccmp', 'kern', 'liga', 'calt']
/** Copyright, family, style, unique id, full name, version, PostScript name, licence, licence URL (OFL). */
const KEEP_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]

/** Subset an sfnt to the code points of `text`; returns an sfnt. */
async function subsetSfnt(font: Buffer, text: string): Promise<Buffer> {
  const x = await loadHarfbuzzSubset()
  const heap = () => new Uint8Array(x.memory.buffer)
  const input = x.hb_subset_input_create_or_fail!()
  if (!input) throw new Error('hb_subset_input_create_or_fail failed')
  const ptr = x.malloc!(font.length)
  heap().set(font, ptr)
  const blob = x.hb_blob_create!(ptr, font.length, HB_MEMORY_MODE_WRITABLE, 0, 0)
  const face = x.hb_face_create!(blob, 0)
  x.hb_blob_destroy!(blob)
  const features = x.hb_subset_input_set!(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG)
  x.hb_set_clear!(features)
  for (const f of KEEP_FEATURES) x.hb_set_add!(features, tag(f))
  const names = x.hb_subset_input_set!(input, HB_SUBSET_SETS_NAME_ID)
  for (const id of KEEP_NAME_IDS) x.hb_set_add!(names, id)
  // SDF text and browsers at label sizes gain nothing from TrueType hinting; it only adds bytes
  x.hb_subset_input_set_flags!(input, x.hb_subset_input_get_flags!(input) | HB_SUBSET_FLAGS_NO_HINTING)
  const unicodes = x.hb_subset_input_unicode_set!(input)
  for (const ch of text) x.hb_set_add!(unicodes, ch.codePointAt(0)!)
  const subset = x.hb_subset_or_fail!(face, input)
  x.hb_subset_input_destroy!(input)
  x.hb_face_destroy!(face)
  x.free!(ptr)
  if (!subset) throw new Error('hb_subset_or_fail failed')
  const result = x.hb_face_reference_blob!(subset)
  const data = x.hb_blob_get_data!(result, 0)
  const out = Buffer.from(heap().slice(data, data + x.hb_blob_get_length!(result)))
  x.hb_blob_destroy!(result)
  x.hb_face_destroy!(subset)
  if (!out.length) throw new Error('harfbuzz produced an empty subset')
  return out
}

export interface SubsetFont {
  /** Folder holding SCENE_FONT_NAME, DOM_FONT_NAME and CHARSET_NAME. */
  dir: string
  /** Whether this call made the files (false: an earlier build had made the same ones). */
  generated: boolean
  /** Every code point the fonts map, sorted. */
  mapped: number[]
}

/**
 * The subset font for `chars` in `cacheDir/<key>/`, made unless it is already there. The key is a
 * hash of the characters, the source font's version and the generator's, so any change makes a
 * new folder; folders are written under a temporary name and renamed, so a reader never sees a
 * half-written font. Characters the source lacks are left out (check charsMissingFromSource first).
 */
export async function ensureSubsetFont(chars: string, cacheDir: string): Promise<SubsetFont> {
  const source = loadSource()
  const key = createHash('sha256').update(`${GENERATOR_VERSION}\0${SOURCE_FONT_FILE}@${source.version}\0${chars}`).digest('hex').slice(0, 16)
  const dir = join(cacheDir, key)
  const charsetFile = join(dir, CHARSET_NAME)
  if (existsSync(charsetFile)) {
    const mapped = [...readFileSync(charsetFile, 'utf8').replace(/\n$/, '')].map((c) => c.codePointAt(0)!)
    return { dir, generated: false, mapped }
  }
  const sfnt = await subsetSfnt(source.font, chars)
  const [woff, woff2] = [await fontverter.convert(sfnt, 'woff', 'sfnt'), await fontverter.convert(sfnt, 'woff2', 'sfnt')]
  const mapped = [...fontCodePoints(sfnt)].sort((a, b) => a - b)
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`
  mkdirSync(tmp, { recursive: true })
  writeFileSync(join(tmp, SCENE_FONT_NAME), woff)
  writeFileSync(join(tmp, DOM_FONT_NAME), woff2)
  writeFileSync(join(tmp, CHARSET_NAME), String.fromCodePoint(...mapped) + '\n')
  try {
    renameSync(tmp, dir)
  } catch (err) {
    // another process made the same folder first: same input, same bytes
    rmSync(tmp, { recursive: true, force: true })
    if (!existsSync(charsetFile)) throw err
  }
  return { dir, generated: true, mapped }
}
