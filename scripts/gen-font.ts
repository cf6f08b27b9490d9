/**
 * `npm run gen:font`: build Sophora's glyph-subset font from the project's own strings.
 *
 * Input:  Noto Sans CJK SC Regular, face of the system's NotoSansCJK-Regular.ttc
 *         (`apt-get install fonts-noto-cjk`; or set SOPHORA_CJK_FONT to a .ttc/.otf).
 * Output: assets/fonts/sophora-sc.woff2       DOM (@font-face)
 *         assets/fonts/sophora-sc.woff        3D scene (troika-three-text parses WOFF 1, not WOFF2)
 *         assets/fonts/sophora-sc.charset.txt every code point the two fonts map
 * Same input -> same bytes (harfbuzz subsetting, pako/brotli with fixed settings, no dates),
 * so the outputs are committed and a diff shows exactly when the font changed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import * as hb from 'harfbuzzjs'
import { CHARSET_FILE, DOM_FONT_FILE, REPO_ROOT, SCENE_FONT_FILE, collectFontText } from './font-chars.ts'

// harfbuzz's subsetter, driven directly (as subset-font does internally) because we need a flag
// subset-font does not expose: desubroutinize. troika's CFF reader (Typr) crashes on the
// CID-keyed, subroutinized CFF that Noto Sans CJK subsets to; flat charstrings it draws fine.
const require = createRequire(import.meta.url)
const fontverter = createRequire(require.resolve('subset-font'))('fontverter') as {
  convert(font: Buffer, to: 'sfnt' | 'woff' | 'woff2', from?: 'sfnt'): Promise<Buffer>
}
type HbExports = Record<string, (...args: number[]) => number> & { memory: WebAssembly.Memory }
let harfbuzz: Promise<HbExports> | undefined
function loadHarfbuzzSubset(): Promise<HbExports> {
  harfbuzz ??= WebAssembly.instantiate(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))).then(({ instance }) => {
    const hbx = instance.exports as unknown as HbExports
    hbx._initialize!()
    return hbx
  })
  return harfbuzz
}
const HB_MEMORY_MODE_WRITABLE = 2
const HB_SUBSET_SETS_NAME_ID = 4
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6
const HB_SUBSET_FLAGS_DESUBROUTINIZE = 0x4
const tag = (s: string) => [...s].reduce((a, c) => ((a << 8) | c.charCodeAt(0)) >>> 0, 0)

/** Subset an sfnt to the code points of `text`; returns an sfnt. */
async function subsetSfnt(font: Buffer, text: string, opts: { desubroutinize: boolean }): Promise<Buffer> {
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
  if (opts.desubroutinize) {
    x.hb_subset_input_set_flags!(input, x.hb_subset_input_get_flags!(input) | HB_SUBSET_FLAGS_DESUBROUTINIZE)
  }
  const unicodes = x.hb_subset_input_unicode_set!(input)
  for (const ch of text) x.hb_set_add!(unicodes, ch.codePointAt(0)!)
  const subset = x.hb_subset_or_fail!(face, input)
  x.hb_subset_input_destroy!(input)
  if (!subset) throw new Error('hb_subset_or_fail failed')
  const result = x.hb_face_reference_blob!(subset)
  const data = x.hb_blob_get_data!(result, 0)
  const out = Buffer.from(heap().slice(data, data + x.hb_blob_get_length!(result)))
  x.hb_blob_destroy!(result)
  x.hb_face_destroy!(subset)
  x.hb_face_destroy!(face)
  x.free!(ptr)
  if (!out.length) throw new Error('harfbuzz produced an empty subset')
  return out
}

const DEFAULT_SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
/** PostScript name (name id 6) of the face we want; the .ttc also holds JP/KR/TC/HK and Mono. */
const WANTED_POSTSCRIPT_NAME = 'NotoSansCJKsc-Regular'

/**
 * Layout features kept: those troika applies to horizontal text. All of them (the subsetter's
 * default) would also keep every glyph that `locl` (JP/KR/TC/HK forms), `vert`, `fwid`, `hwid`,
 * `palt`... can reach: glyphs for forms we never show.
 */
const KEEP_FEATURES = ['ccmp', 'kern', 'liga', 'calt']
/** Copyright, family, style, unique id, full name, version, PostScript name, license, license URL. */
const KEEP_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]

/** The index of the face in a font file (collection or not) whose PostScript name matches. */
function findFaceIndex(file: Buffer, postscriptName: string): number {
  const isCollection = file.toString('latin1', 0, 4) === 'ttcf'
  const count = isCollection ? file.readUInt32BE(8) : 1
  const blob = new hb.Blob(file)
  const seen: string[] = []
  for (let i = 0; i < count; i++) {
    const name = new hb.Face(blob, i).getName(6, 'en')
    seen.push(name)
    if (name === postscriptName) return i
  }
  throw new Error(`no face named ${postscriptName}; faces: ${seen.join(', ')}`)
}

/** A standalone sfnt holding face `index` of a TrueType/OpenType collection. */
function extractFace(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc
  const start = ttc.readUInt32BE(12 + 4 * index)
  const numTables = ttc.readUInt16BE(start + 4)
  const headerLength = 12 + 16 * numTables
  const records = Array.from({ length: numTables }, (_, i) => {
    const at = start + 12 + 16 * i
    return { at, offset: ttc.readUInt32BE(at + 8), length: ttc.readUInt32BE(at + 12) }
  })
  const padded = (n: number) => (n + 3) & ~3
  const total = records.reduce((sum, r) => sum + padded(r.length), headerLength)
  const out = Buffer.alloc(total)
  ttc.copy(out, 0, start, start + headerLength)
  let offset = headerLength
  records.forEach((r, i) => {
    ttc.copy(out, offset, r.offset, r.offset + r.length)
    out.writeUInt32BE(offset, 12 + 16 * i + 8)
    offset += padded(r.length)
  })
  return out
}

/** Code points an sfnt maps (harfbuzz's view of its cmap). */
function fontCodePoints(sfnt: Buffer): Set<number> {
  return new Set(new hb.Face(new hb.Blob(sfnt), 0).collectUnicodes())
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function main(): Promise<void> {
  const sourcePath = process.env.SOPHORA_CJK_FONT ?? DEFAULT_SOURCE
  if (!existsSync(sourcePath)) {
    throw new Error(`${sourcePath} not found. Install it with: sudo apt-get install fonts-noto-cjk (or set SOPHORA_CJK_FONT)`)
  }
  const source = readFileSync(sourcePath)
  const faceIndex = findFaceIndex(source, WANTED_POSTSCRIPT_NAME)
  const face = extractFace(source, faceIndex)
  const family = new hb.Face(new hb.Blob(face), 0).getName(1, 'en')
  console.log(`source: ${sourcePath} face #${faceIndex} "${family}" (${WANTED_POSTSCRIPT_NAME})`)

  const { chars, sources } = collectFontText()
  const available = fontCodePoints(face)
  const unavailable = [...chars].filter((c) => !available.has(c.codePointAt(0)!))

  // Scene: flat charstrings for troika. DOM: subroutinized (smaller; browsers read it fine).
  const sceneSfnt = await subsetSfnt(face, chars, { desubroutinize: true })
  const domSfnt = await subsetSfnt(face, chars, { desubroutinize: false })
  const woff = await fontverter.convert(sceneSfnt, 'woff', 'sfnt')
  const woff2 = await fontverter.convert(domSfnt, 'woff2', 'sfnt')
  const mapped = [...fontCodePoints(sceneSfnt)].sort((a, b) => a - b)

  writeFileSync(join(REPO_ROOT, SCENE_FONT_FILE), woff)
  writeFileSync(join(REPO_ROOT, DOM_FONT_FILE), woff2)
  writeFileSync(join(REPO_ROOT, CHARSET_FILE), String.fromCodePoint(...mapped) + '\n')

  const hanzi = mapped.filter((cp) => cp >= 0x3400 && cp <= 0x9fff).length
  console.log(`strings: ${sources.length} files; characters requested: ${[...chars].length}; mapped: ${mapped.length} (${hanzi} hanzi)`)
  console.log(`${SCENE_FONT_FILE}  ${kb(woff.length)}`)
  console.log(`${DOM_FONT_FILE} ${kb(woff2.length)}`)
  console.log(`${CHARSET_FILE}`)
  if (unavailable.length) {
    console.warn(`not in ${family} (Label3D shows '?' for these): ${unavailable.join(' ')}`)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
