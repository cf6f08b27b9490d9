/**
 * Which characters the Sophora subset font must contain.
 *
 * Shared by the build (`font-plugin.ts` makes the font from them), `npm run gen:font` (reports
 * on it) and `tests/fonts/font-coverage.test.ts`, so they can never disagree about what "every
 * string" means. Node only; no dependencies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const FONT_DIR = 'assets/fonts'
export const EXTRA_CHARS_FILE = `${FONT_DIR}/extra-chars.txt`

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

export interface FontTextOptions {
  /** Folders of exhibit folders, relative to the root (the e2e build adds its fixtures). */
  exhibitDirs?: string[]
  /**
   * Skip a file that is not valid JSON instead of throwing: the build's exhibit validation
   * reports it with folder and file, and the font must not fail first with a worse message.
   */
  skipInvalid?: boolean
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
export function textSourceFiles(root: string = REPO_ROOT, exhibitDirs: string[] = ['exhibits']): string[] {
  const files: string[] = []
  for (const dir of exhibitDirs) {
    for (const id of listDirs(join(root, dir))) {
      const manifest = join(root, dir, id, 'manifest.json')
      if (existsSync(manifest)) files.push(manifest)
      files.push(...listJson(join(root, dir, id, 'locales')))
    }
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
export function collectStringChars(root: string = REPO_ROOT, opts: FontTextOptions = {}): FontTextSource[] {
  return textSourceFiles(root, opts.exhibitDirs).flatMap((path) => {
    const file = relative(root, path).split('\\').join('/')
    let json: unknown
    try {
      json = JSON.parse(readFileSync(path, 'utf8'))
    } catch (err) {
      if (opts.skipInvalid) return []
      throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err })
    }
    return [{ file, chars: uniqueChars(stringsIn(json, []).join('')) }]
  })
}

/** Han characters, CJK punctuation and full-width forms: what a code file can put on screen in Chinese. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const path = join(dir, d.name)
      if (d.isDirectory()) return d.name === '__tests__' ? [] : codeFiles(path)
      return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : []
    })
}

/**
 * Chinese in the platform's own code: pages keep their texts in TypeScript (the dashboard's
 * texts.ts) and the server names report columns (崩溃, 活跃). Without these the subset lacked
 * 享刷趋跃缩崩溃 and a machine with no system CJK font showed gaps in the dashboard. Comments are
 * English by the house rules, so every Chinese character in `src/` is one a page can show.
 */
export function collectCodeChars(root: string = REPO_ROOT): FontTextSource[] {
  return codeFiles(join(root, 'src')).flatMap((path) => {
    const chars = uniqueChars([...readFileSync(path, 'utf8')].filter((c) => CJK.test(c)).join(''))
    return chars ? [{ file: relative(root, path).split('\\').join('/'), chars }] : []
  })
}

/** Everything the font must cover: strings + code's Chinese + ASCII + punctuation + extra-chars.txt. */
export function collectFontText(root: string = REPO_ROOT, opts: FontTextOptions = {}): FontText {
  const sources = [...collectStringChars(root, opts), ...collectCodeChars(root)]
  const all = ASCII + PUNCTUATION + readExtraChars(root) + sources.map((s) => s.chars).join('')
  return { chars: uniqueChars(all), sources }
}
