/**
 * Which characters the Sophora subset font must contain.
 *
 * Shared by `scripts/gen-font.ts` (builds the font) and `tests/fonts/font-coverage.test.ts`
 * (fails when a committed string has a character the committed font lacks), so the two can
 * never disagree about what "every string" means. Node only; no dependencies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))

export const FONT_DIR = 'assets/fonts'
export const EXTRA_CHARS_FILE = `${FONT_DIR}/extra-chars.txt`
/** The font troika-three-text parses in the 3D scene (WOFF 1: troika reads it, not WOFF2). */
export const SCENE_FONT_FILE = `${FONT_DIR}/sophora-sc.woff`
/** The font the DOM uses through @font-face. */
export const DOM_FONT_FILE = `${FONT_DIR}/sophora-sc.woff2`
/** Every code point both fonts map, one line of text; `Label3D` reads it to avoid fallbacks. */
export const CHARSET_FILE = `${FONT_DIR}/sophora-sc.charset.txt`

/** Printable ASCII: English UI text, digits, ids, numbers. */
export const ASCII = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('')

/**
 * CJK punctuation and a few typographic marks, full- and half-width. (Noto Sans CJK has no
 * U+FFFD; `Label3D` shows '?' for a character the font lacks.)
 */
export const PUNCTUATION = '，。！？：；、“”‘’《》〈〉「」『』【】（）〔〕—–…·～￥％＋－×÷＝＜＞／　°℃①②③④⑤⑥⑦⑧⑨⑩\u00A0'

/** A source of strings: a repo-relative file and the characters found in it. */
export interface FontTextSource {
  file: string
  chars: string
}

export interface FontText {
  /** Every required character, unique, sorted by code point. */
  chars: string
  /** Where each locale/manifest character came from (for failure messages). */
  sources: FontTextSource[]
}

/** Unique characters (by code point) of a string, sorted, whitespace other than space dropped. */
export function uniqueChars(text: string): string {
  const set = new Set<number>()
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp === 0x20 || !/\s/u.test(ch)) set.add(cp)
  }
  return String.fromCodePoint(...[...set].sort((a, b) => a - b))
}

function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out)
  return out
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
}

function listJson(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f))
}

/**
 * The JSON files whose strings end up on screen: exhibits' locale files and manifests, and
 * the app's own locale files, and the center profiles (their texts replace exhibit texts).
 * Missing folders are fine (a fresh checkout has no exhibits).
 */
export function textSourceFiles(root: string = REPO_ROOT): string[] {
  const files: string[] = []
  for (const id of listDirs(join(root, 'exhibits'))) {
    const manifest = join(root, 'exhibits', id, 'manifest.json')
    if (existsSync(manifest)) files.push(manifest)
    files.push(...listJson(join(root, 'exhibits', id, 'locales')))
  }
  files.push(...listJson(join(root, 'src', 'i18n', 'locales')))
  files.push(...listJson(join(root, 'centers')))
  return files
}

/** Characters of `assets/fonts/extra-chars.txt` (comment lines start with '#'). */
export function readExtraChars(root: string = REPO_ROOT): string {
  const path = join(root, EXTRA_CHARS_FILE)
  if (!existsSync(path)) return ''
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#'))
  return uniqueChars(lines.join('').replace(/\s/gu, ''))
}

/** Characters of every on-screen string in the repo, with their source files. */
export function collectStringChars(root: string = REPO_ROOT): FontTextSource[] {
  return textSourceFiles(root).map((path) => {
    const file = relative(root, path).split('\\').join('/')
    let json: unknown
    try {
      json = JSON.parse(readFileSync(path, 'utf8'))
    } catch (err) {
      throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err })
    }
    return { file, chars: uniqueChars(stringsIn(json, []).join('')) }
  })
}

/** Everything the font must cover: strings + ASCII + punctuation + extra-chars.txt. */
export function collectFontText(root: string = REPO_ROOT): FontText {
  const sources = collectStringChars(root)
  const all = ASCII + PUNCTUATION + readExtraChars(root) + sources.map((s) => s.chars).join('')
  return { chars: uniqueChars(all), sources }
}
