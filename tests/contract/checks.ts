/**
 * The exhibit contract as plain functions: each returns a list of problems (empty = fine),
 * phrased so a staff member can fix them without reading this file. Used by
 * exhibit-contract.test.ts for every folder under exhibits/, and tested on bad folders in
 * checks.test.ts. Node only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import { LANGS, type Manifest } from '../../src/core/manifest-schema.ts'

export const LIMITS = {
  /** any one file under assets/ */
  fileBytes: 1024 * 1024,
  /** everything under assets/ together */
  totalBytes: 5 * 1024 * 1024,
  /** width and height of any image */
  imageSide: 2048,
} as const

export type LocaleTable = Record<string, string>

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** Every file under `dir`, recursively (absolute paths). */
export function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

/** The convention: steps.ts exports `steps`, quiz.ts exports `quiz` (arrays). */
export function conventionProblems(stepsMod: unknown, quizMod: unknown): string[] {
  const out: string[] = []
  if (!Array.isArray((stepsMod as { steps?: unknown } | null)?.steps)) out.push('steps.ts must have a named export `steps` (an array of StepDef)')
  if (!Array.isArray((quizMod as { quiz?: unknown } | null)?.quiz)) out.push('quiz.ts must have a named export `quiz` (an array of QuizItem)')
  return out
}

const dupes = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]

/**
 * Step and quiz data against the manifest and both locale files: same ids in the same order,
 * unique ids, one correct choice each, every referenced key present in every language.
 */
export function dataProblems(manifest: Manifest, steps: StepDef[], quiz: QuizItem[], locales: Partial<Record<string, LocaleTable>>): string[] {
  const out: string[] = []
  const stepIds = steps.map((s) => s.id)
  const quizIds = quiz.map((q) => q.id)
  if (JSON.stringify(stepIds) !== JSON.stringify(manifest.steps)) {
    out.push(`steps.ts step ids [${stepIds.join(', ')}] must equal manifest.json "steps" [${manifest.steps.join(', ')}] (same order)`)
  }
  if (JSON.stringify(quizIds) !== JSON.stringify(manifest.quiz.items)) {
    out.push(`quiz.ts item ids [${quizIds.join(', ')}] must equal manifest.json "quiz.items" [${manifest.quiz.items.join(', ')}] (same order)`)
  }
  for (const d of dupes(stepIds)) out.push(`steps.ts: step id "${d}" is used twice`)
  for (const d of dupes(quizIds)) out.push(`quiz.ts: quiz id "${d}" is used twice`)

  const keys: { key: string; where: string }[] = []
  const choiceSets = [
    ...steps.map((s) => ({ where: `steps.ts step "${s.id}"`, choices: s.choices })),
    ...quiz.map((q) => ({ where: `quiz.ts item "${q.id}"`, choices: q.choices })),
  ]
  for (const { where, choices } of choiceSets) {
    const correct = choices.filter((c) => c.correct).length
    if (correct !== 1) out.push(`${where}: needs exactly one correct choice (has ${correct})`)
    for (const d of dupes(choices.map((c) => c.id))) out.push(`${where}: choice id "${d}" is used twice`)
    for (const c of choices)
      keys.push({ key: c.label, where: `${where}, choice "${c.id}" label` }, { key: c.feedback, where: `${where}, choice "${c.id}" feedback` })
  }
  for (const s of steps) {
    keys.push({ key: s.prompt, where: `steps.ts step "${s.id}" prompt` })
    if (s.cue !== undefined && !manifest.narration.includes(s.cue)) {
      out.push(`steps.ts step "${s.id}": cue "${s.cue}" is not listed in manifest.json "narration"`)
    }
  }
  for (const q of quiz) {
    keys.push({ key: q.question, where: `quiz.ts item "${q.id}" question` }, { key: q.explanation, where: `quiz.ts item "${q.id}" explanation` })
  }
  for (const cue of manifest.narration) keys.push({ key: `narration.${cue}`, where: `manifest.json narration cue "${cue}"` })

  for (const lang of LANGS) {
    const table = locales[lang]
    if (!table) {
      out.push(`locales/${lang}.json is missing`)
      continue
    }
    for (const { key, where } of keys) {
      if (!table[key]?.trim()) out.push(`locales/${lang}.json: key "${key}" (${where}) is missing or empty`)
    }
  }
  const [first, ...rest] = LANGS
  for (const lang of rest) {
    const a = Object.keys(locales[first] ?? {})
    const b = new Set(Object.keys(locales[lang] ?? {}))
    for (const k of a) if (!b.has(k)) out.push(`locales/${lang}.json: key "${k}" is missing (present in ${first}.json)`)
    for (const k of b) if (!a.includes(k)) out.push(`locales/${first}.json: key "${k}" is missing (present in ${lang}.json)`)
  }
  return out
}

/** Every narration cue has `assets/narration/<lang>/<cue>.mp3` for every language (one line per language). */
export function narrationProblems(base: string, manifest: Manifest): string[] {
  const out: string[] = []
  for (const lang of LANGS) {
    const missing = manifest.narration.filter((cue) => !existsSync(join(base, 'assets', 'narration', lang, `${cue}.mp3`)))
    if (missing.length) {
      out.push(
        `assets/narration/${lang}/: ${missing.map((c) => `${c}.mp3`).join(', ')} missing: run npm run gen:audio -- ${manifest.id} --no-sfx (or drop in recordings; see docs/audio.md)`,
      )
    }
  }
  return out
}

/** Width and height of a PNG or JPEG from its header; undefined for other files. */
export function imageSize(buf: Buffer): { width: number; height: number } | undefined {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47 && buf.toString('ascii', 12, 16) === 'IHDR') {
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) {
        i++
        continue
      }
      const marker = buf[i + 1]!
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
        i += marker === 0xff ? 1 : 2
        continue
      }
      const len = buf.readUInt16BE(i + 2)
      // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) }
      }
      i += 2 + len
    }
  }
  return undefined
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`

/** Files under assets/: each ≤ 1 MB, all ≤ 5 MB, images ≤ 2048². */
export function assetProblems(base: string): string[] {
  const out: string[] = []
  let total = 0
  for (const file of walk(join(base, 'assets'))) {
    const rel = relative(base, file)
    const size = statSync(file).size
    total += size
    if (size > LIMITS.fileBytes) out.push(`${rel} is ${kb(size)}: each asset must be at most ${kb(LIMITS.fileBytes)} (compress it or split it)`)
    if (/\.(png|jpe?g)$/i.test(file)) {
      const dim = imageSize(readFileSync(file))
      if (!dim) out.push(`${rel}: not a readable PNG/JPEG`)
      else if (dim.width > LIMITS.imageSide || dim.height > LIMITS.imageSide) {
        out.push(`${rel} is ${dim.width}×${dim.height}: images must be at most ${LIMITS.imageSide}×${LIMITS.imageSide}`)
      }
    }
  }
  if (total > LIMITS.totalBytes) out.push(`assets/ holds ${kb(total)} in all: at most ${kb(LIMITS.totalBytes)} per exhibit`)
  return out
}

/** Exhibit source files (ts/tsx outside __tests__). */
export function sourceFiles(base: string): string[] {
  return walk(base).filter((f) => /\.(ts|tsx)$/.test(f) && !relative(base, f).split(/[\\/]/).includes('__tests__'))
}

/**
 * Relative asset paths named in the code (`new URL('./assets/x.mp3', import.meta.url)`,
 * `import x from './assets/y.png'`, '../assets/z.glb' from scene/) must exist.
 */
export function referencedAssetProblems(base: string): string[] {
  const out: string[] = []
  for (const file of sourceFiles(base)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/['"`]((?:\.\.?\/)+assets\/[^'"`$?#]+)[?#'"`]/g)) {
      const target = resolve(dirname(file), m[1]!)
      if (!target.startsWith(resolve(base) + '/')) out.push(`${relative(base, file)}: "${m[1]}" points outside the exhibit folder`)
      else if (!existsSync(target)) out.push(`${relative(base, file)}: "${m[1]}" does not exist`)
    }
  }
  return out
}

const DISCREDITED = /triangle of life|生命三角/i
const MARKED_WRONG = /\bnot\b|\bno\b|never|wrong|discredited|myth|false|incorrect|不|误|错/i

/**
 * sources.md exists and says something; a discredited idea (the earthquake "triangle of life")
 * may only be named on a line that also says it is wrong.
 */
export function sourcesProblems(base: string): string[] {
  const file = join(base, 'sources.md')
  if (!existsSync(file)) return ['sources.md is missing: list where every fact in the exhibit comes from']
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  if (text.replace(/[#|\-\s]/g, '').length < 40) out.push('sources.md is (almost) empty: list where every fact in the exhibit comes from')
  text.split('\n').forEach((line, i) => {
    if (DISCREDITED.test(line) && !MARKED_WRONG.test(line)) {
      out.push(`sources.md line ${i + 1} names the "triangle of life" without saying it is wrong; never teach it (teach Drop, Cover, Hold On)`)
    }
  })
  return out
}

/**
 * Locale strings must not teach a discredited idea. Naming it is fine where it is offered as a
 * wrong answer (the label of a wrong choice), in the prompt/question of an item whose right answer
 * does not name it, or in any string that itself says it is wrong.
 */
export function localeMythProblems(locales: Partial<Record<string, LocaleTable>>, steps: StepDef[] = [], quiz: QuizItem[] = []): string[] {
  const names = (key: string) => Object.values(locales).some((t) => DISCREDITED.test(t?.[key] ?? ''))
  const allowed = new Set<string>()
  const items = [...steps.map((s) => ({ ask: s.prompt, choices: s.choices })), ...quiz.map((q) => ({ ask: q.question, choices: q.choices }))]
  for (const { ask, choices } of items) {
    for (const c of choices) if (!c.correct) allowed.add(c.label)
    const right = choices.find((c) => c.correct)
    if (right && !names(right.label)) allowed.add(ask)
  }
  const out: string[] = []
  for (const [lang, table] of Object.entries(locales)) {
    for (const [k, v] of Object.entries(table ?? {})) {
      if (DISCREDITED.test(v) && !MARKED_WRONG.test(v) && !allowed.has(k)) {
        out.push(`locales/${lang}.json: "${k}" names the "triangle of life" without saying it is wrong (only a wrong choice may offer it)`)
      }
    }
  }
  return out
}
