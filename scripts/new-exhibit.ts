/**
 * npm run new-exhibit -- <id> [--title-zh 标题] [--title-en Title] [--category vr|emergency|disaster|science]
 *                              [--kind code|panorama] [--dir <exhibits dir>] [--no-audio]
 *
 * Creates exhibits/<id>/ from scripts/templates/exhibit/: a small, complete, working exhibit
 * (manifest, 2 steps, 6 quiz items, a scene with clickable objects and a 3D sign, zh-CN and en
 * locales marked "TODO: replace", sources.md, a content test), then generates its narration with
 * scripts/gen-audio.ts (espeak-ng; skipped with a warning when it is not installed).
 * The new folder passes the build validation, the contract tests and the import boundary test
 * as it is, and shows up in the lobby. See docs/authoring-exhibits.md.
 *
 * --kind panorama makes a no-code exhibit from scripts/templates/panorama/ instead: manifest,
 * scenes.yaml (two sample 360° scenes, made by scripts/make-sample-panorama.ts), locales,
 * sources.md, images/, and no code. See docs/authoring-panorama.md.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CATEGORIES, type Category } from '../src/core/manifest-schema.ts'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const TEMPLATE_DIR = fileURLToPath(new URL('./templates/exhibit/', import.meta.url))
export const PANORAMA_TEMPLATE_DIR = fileURLToPath(new URL('./templates/panorama/', import.meta.url))
export const KINDS = ['code', 'panorama'] as const
/** Template files whose text has placeholders; images are copied as they are. */
const TEXT_FILE = /\.(json|ts|tsx|md|ya?ml)$/
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_ID = 40
/** Stamp colours that read well on the lobby's cards; picked by a hash of the id. */
const PALETTE = ['#B7282E', '#1F6F8B', '#2E7D32', '#8E44AD', '#C77700', '#00796B', '#5D4037', '#3949AB']

export interface NewExhibitOptions {
  id: string
  titleZh?: string
  titleEn?: string
  category?: string
  /** code (default): index.ts, steps.ts, quiz.ts and a scene; panorama: no code, scenes.yaml and images */
  kind?: string
  /** the exhibits folder to create the exhibit in (default: <repo>/exhibits) */
  dir?: string
  /** generate narration with espeak-ng (default true) */
  audio?: boolean
  log?: (line: string) => void
}

export interface NewExhibitResult {
  dir: string
  warnings: string[]
}

/** A mistake in the command line: printed as is, without a stack. */
export class NewExhibitError extends Error {}

/** Why `id` cannot be used in `dir`, or null when it can. */
export function idProblem(id: string, dir: string): string | null {
  if (!id) return 'give the exhibit id, e.g. npm run new-exhibit -- water-cycle'
  if (!KEBAB.test(id)) {
    const hint = id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
    return `"${id}" is not a valid id: use kebab-case (lower-case a-z, 0-9, single hyphens)${hint && KEBAB.test(hint) ? `, e.g. "${hint}"` : ''}`
  }
  if (id.length > MAX_ID) return `"${id}" is too long (${id.length} characters; at most ${MAX_ID})`
  const taken = [dir, ...(resolve(dir) === resolve(REPO_ROOT, 'exhibits') ? [join(REPO_ROOT, 'tests/fixtures/exhibits')] : [])]
    .map((d) => join(d, id))
    .find((p) => existsSync(p))
  if (taken) return `${shown(taken)} already exists: pick another id (or delete that folder first)`
  return null
}

/** A path as the user would type it: relative to the working directory when inside it. */
const shown = (p: string) => {
  const r = relative(process.cwd(), p)
  return r && !r.startsWith('..') ? r : p
}
const titleCase = (id: string) =>
  id
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ')
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7)

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

/** Runs scripts/gen-audio.ts for the new exhibit; returns a warning instead of failing. */
function generateAudio(id: string, exhibitsDir: string, log: (l: string) => void): string | null {
  const espeak = spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' })
  if (espeak.error || espeak.status !== 0) {
    return (
      'espeak-ng is not installed, so no narration was generated. Install it (apt-get install espeak-ng sox libsox-fmt-mp3) ' +
      `and run: npm run gen:audio -- ${id} --no-sfx (the contract tests need an mp3 per narration cue and language)`
    )
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/gen-audio.ts'), id, '--dir', exhibitsDir, '--no-sfx'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
  if (r.status !== 0) return `narration generation failed (npm run gen:audio -- ${id} --no-sfx):\n${r.stderr || r.stdout}`
  // The summary line ('gen-audio: N generated, …') and the narration check's verdict after it.
  for (const line of r.stdout
    .trim()
    .split('\n')
    .filter((l) => /^(gen-audio:|narration check:)/.test(l)))
    log(line)
  return null
}

/** Creates the exhibit folder; throws NewExhibitError on bad input (nothing is written then). */
export function createExhibit(o: NewExhibitOptions): NewExhibitResult {
  const log = o.log ?? ((l: string) => console.log(l))
  const exhibitsDir = resolve(o.dir ?? join(REPO_ROOT, 'exhibits'))
  const problem = idProblem(o.id, exhibitsDir)
  if (problem) throw new NewExhibitError(problem)
  const category = (o.category ?? 'science') as Category
  if (!CATEGORIES.includes(category)) throw new NewExhibitError(`--category "${o.category}" is not one of: ${CATEGORIES.join(', ')}`)
  const kind = o.kind ?? 'code'
  if (!(KINDS as readonly string[]).includes(kind)) throw new NewExhibitError(`--kind "${o.kind}" is not one of: ${KINDS.join(', ')}`)
  const titleZh = (o.titleZh ?? `新展项 ${o.id}`).trim()
  const titleEn = (o.titleEn ?? titleCase(o.id)).trim()
  if (!titleZh) throw new NewExhibitError('--title-zh must not be empty')
  if (!titleEn) throw new NewExhibitError('--title-en must not be empty')
  if (!existsSync(exhibitsDir)) throw new NewExhibitError(`the exhibits folder ${exhibitsDir} does not exist`)

  const warnings: string[] = []
  // any hanzi will do: the build makes the 3D font from the exhibit's own strings
  const first = [...titleZh].find((c) => /\p{Script=Han}/u.test(c))
  const vars: Record<string, string> = {
    __ID__: o.id,
    __TITLE_ZH__: titleZh,
    __TITLE_EN__: titleEn,
    __CATEGORY__: category,
    __GLYPH__: first ?? '新',
    __COLOR__: PALETTE[hash(o.id) % PALETTE.length]!,
  }

  const target = join(exhibitsDir, o.id)
  try {
    cpSync(kind === 'panorama' ? PANORAMA_TEMPLATE_DIR : TEMPLATE_DIR, target, { recursive: true, errorOnExist: true, force: false })
    for (const file of files(target).filter((f) => TEXT_FILE.test(f))) {
      const json = file.endsWith('.json')
      const text = readFileSync(file, 'utf8').replace(/__[A-Z_]+__/g, (m) => {
        const v = vars[m]
        if (v === undefined) return m
        return json ? JSON.stringify(v).slice(1, -1) : v
      })
      writeFileSync(file, text)
    }
  } catch (e) {
    rmSync(target, { recursive: true, force: true })
    throw e
  }
  log(`created ${shown(target)}/ (${kind === 'panorama' ? 'panorama, ' : ''}${category}: ${titleZh} / ${titleEn})`)
  if (o.audio !== false) {
    const w = generateAudio(o.id, exhibitsDir, log)
    if (w) warnings.push(w)
  }
  return { dir: target, warnings }
}

function parseArgs(argv: string[]): NewExhibitOptions & { help?: boolean } {
  const o: NewExhibitOptions & { help?: boolean } = { id: '' }
  const value = (i: number, flag: string) => {
    const v = argv[i]
    if (v === undefined || v.startsWith('--')) throw new NewExhibitError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--title-zh') o.titleZh = value(++i, a)
    else if (a === '--title-en') o.titleEn = value(++i, a)
    else if (a === '--category') o.category = value(++i, a)
    else if (a === '--kind') o.kind = value(++i, a)
    else if (a === '--dir') o.dir = value(++i, a)
    else if (a === '--no-audio') o.audio = false
    // help wins over anything after it, as it did when it exited on the spot
    else if (a === '--help' || a === '-h') return { ...o, help: true }
    else if (a.startsWith('-')) throw new NewExhibitError(`unknown option ${a} (options: --title-zh, --title-en, --category, --kind, --dir, --no-audio)`)
    else if (o.id) throw new NewExhibitError(`one id at a time (got "${o.id}" and "${a}")`)
    else o.id = a
  }
  return o
}

/** Where the command writes: the console, or a test's lines. */
export interface CliOutput {
  log(line: string): void
  error(line: string): void
}

/**
 * The command with its arguments; returns the exit code (2: a mistake in the command line).
 * Exported so that tests run it in-process instead of paying a tsx start per case.
 */
export function runCli(argv: string[], out: CliOutput = { log: (l) => console.log(l), error: (l) => console.error(l) }): number {
  try {
    const o = parseArgs(argv)
    if (o.help) {
      out.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]!)
      return 0
    }
    const { dir, warnings } = createExhibit({ ...o, log: out.log })
    for (const w of warnings) out.error(`warning: ${w}`)
    const rel = shown(dir)
    if (o.kind === 'panorama') {
      out.log(
        [
          '',
          'Next (guide: docs/authoring-panorama.md):',
          `  1. npm run dev, then open http://localhost:5173/dev/exhibits/${o.id} (hover to read yaw/pitch, click to copy a hotspot line)`,
          `  2. put your pictures in ${rel}/images/ and replace every "TODO: replace" in ${rel}/ (scenes.yaml, locales, sources.md)`,
          `  3. after changing text: npm run gen:audio -- ${o.id} --no-sfx`,
          '  4. npm test',
        ].join('\n'),
      )
      return 0
    }
    out.log(
      [
        '',
        'Next:',
        `  1. npm run dev, then open http://localhost:5173/dev/exhibits/${o.id} (preview with step jumps and meters)`,
        `  2. replace every "TODO: replace" in ${rel}/ (locales, steps.ts, quiz.ts, scene/, sources.md)`,
        `  3. after changing text: npm run gen:audio -- ${o.id} --no-sfx (the 3D font follows your strings by itself)`,
        '  4. npm test (contract tests, content test, boundaries); guide: docs/authoring-exhibits.md',
      ].join('\n'),
    )
    return 0
  } catch (e) {
    if (e instanceof NewExhibitError) {
      out.error(`new-exhibit: ${e.message}`)
      return 2
    }
    throw e
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = runCli(process.argv.slice(2))
