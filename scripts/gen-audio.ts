/**
 * npm run gen:audio [-- <exhibit-id>...] [--dir <exhibits-root>] [--force] [--check] [--no-sfx]
 *
 * Narration: every cue of every exhibit in every language -> espeak-ng -> sox -> small mono mp3 at
 * exhibits/<id>/assets/narration/<lang>/<cue>.mp3 (zh-CN through numbered pinyin, see
 * speech/synth-pipeline.ts), with assets/narration/manifest.json recording per cue the text hash,
 * the pipeline id and the exact synthesiser input, so only changed cues are re-synthesized. An mp3
 * that the script did not write (staff dropped in a recording) is adopted as `recorded: true` and
 * never overwritten. Every run ends with the narration check (speech/verify-narration.ts); --check
 * runs only the checks and writes nothing.
 * Sound effects: assets/sfx/*.mp3, synthesized deterministically (see assets/sfx/README.md), when missing or --force.
 * See docs/audio.md.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { join, relative, resolve } from 'node:path'
import { LANGS, LocaleFileSchema, ManifestSchema } from '../src/core/manifest-schema.ts'
import { readNarrationManifest, sha16, type NarrationEntry } from './speech/narration-manifest.ts'
import { BITRATES, planSpeech, SAMPLE_RATE as RATE, type SpeechPlan } from './speech/synth-pipeline.ts'
import { pruneStaleNarration } from './speech/stale-narration.ts'
import { verifyNarration } from './speech/verify-narration.ts'

const MAX_BYTES = 60_000

interface Options {
  dirs: string[]
  only: string[]
  force: boolean
  check: boolean
  sfx: boolean
  sfxDir: string
}

function parseArgs(argv: string[]): Options {
  const o: Options = { dirs: [], only: [], force: false, check: false, sfx: true, sfxDir: 'assets/sfx' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--dir') o.dirs.push(argv[++i] ?? fail('--dir needs a path'))
    else if (a === '--sfx-dir') o.sfxDir = argv[++i] ?? fail('--sfx-dir needs a path')
    else if (a === '--force') o.force = true
    else if (a === '--check') o.check = true
    else if (a === '--no-sfx') o.sfx = false
    else if (a.startsWith('-')) fail(`unknown option ${a}`)
    else o.only.push(a)
  }
  if (o.dirs.length === 0) o.dirs.push('exhibits')
  return o
}

/** A mistake in the command line: exit code 2. */
class UsageError extends Error {}
function fail(msg: string): never {
  throw new UsageError(msg)
}

/** Where the run writes: the console, or a test's lines (runGenAudio's `out`; one run at a time). */
interface Output {
  log(line: string): void
  error(line: string): void
}
const CONSOLE: Output = { log: (l) => console.log(l), error: (l) => console.error(l) }
let sink: Output = CONSOLE

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
const durationMs = (file: string) => Math.round(Number(run('sox', ['--i', '-D', file]).toString().trim()) * 1000)

/** espeak-ng reads exactly `plan.stdin` with `plan.args` (the check re-reads the same) -> sox -> mp3. */
function synthesize(plan: SpeechPlan, out: string, tmp: string): { bytes: number; kbps: number } {
  const wav = join(tmp, 'cue.wav')
  execFileSync('espeak-ng', [...plan.args, '-w', wav], { input: plan.stdin, stdio: ['pipe', 'pipe', 'pipe'] })
  const seconds = durationMs(wav) / 1000
  const kbps = BITRATES.find((k) => (seconds * k * 1000) / 8 + 1000 < MAX_BYTES) ?? BITRATES.at(-1)!
  // 0.15 s of lead-in so the first syllable is not clipped while the AudioContext starts.
  run('sox', [wav, '-r', String(RATE), '-c', '1', '-C', String(kbps), out, 'highpass', '90', 'norm', '-2', 'pad', '0.15', '0.1'])
  return { bytes: statSync(out).size, kbps }
}

interface Counts {
  made: number
  kept: number
  adopted: number
  problems: string[]
  sizes: string[]
}

function processExhibit(dir: string, o: Options, c: Counts, tmp: string): void {
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
  const m = ManifestSchema.safeParse(raw)
  if (!m.success) {
    c.problems.push(`${dir}/manifest.json: ${m.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    return
  }
  const narrDir = join(dir, 'assets', 'narration')
  const sidecarFile = join(narrDir, 'manifest.json')
  const sidecar = readNarrationManifest(sidecarFile)
  let dirty = false
  for (const lang of LANGS) {
    const localeFile = join(dir, 'locales', `${lang}.json`)
    if (!existsSync(localeFile)) {
      c.problems.push(`${localeFile}: missing`)
      continue
    }
    const locale = LocaleFileSchema.safeParse(JSON.parse(readFileSync(localeFile, 'utf8')))
    if (!locale.success) {
      c.problems.push(`${localeFile}: ${locale.error.message}`)
      continue
    }
    const entries = (sidecar.cues[lang] ??= {})
    for (const cue of m.data.narration) {
      const text = locale.data[`narration.${cue}`]
      if (!text) {
        c.problems.push(`${localeFile}: no key narration.${cue}`)
        continue
      }
      const out = join(narrDir, lang, `${cue}.mp3`)
      const textHash = sha16(text)
      const prev: NarrationEntry | undefined = entries[cue]
      const onDisk = existsSync(out) ? sha16(readFileSync(out)) : null
      if (onDisk && (!prev || prev.fileHash !== onDisk)) {
        // A file we did not write (or a new take of a recording): staff dropped it in. Adopt it, never overwrite it.
        entries[cue] = { textHash, fileHash: onDisk, recorded: true, bytes: statSync(out).size, durationMs: durationMs(out) }
        dirty = true
        c.adopted++
        sink.log(`adopted recording ${relative('.', out)}`)
        continue
      }
      if (prev?.recorded) {
        if (prev.textHash !== textHash) sink.error(`warning: ${relative('.', out)} is a recording of older text; re-record it (subtitle changed)`)
        c.kept++
        continue
      }
      let plan: SpeechPlan
      try {
        plan = planSpeech(lang, text)
      } catch (e) {
        c.problems.push(`${localeFile}: narration.${cue}: ${(e as Error).message}`)
        continue
      }
      const fresh = onDisk !== null && prev?.textHash === textHash && prev.synth === plan.synth && prev.input === plan.input
      if (fresh && !o.force) {
        c.kept++
        continue
      }
      mkdirSync(join(narrDir, lang), { recursive: true })
      const { bytes, kbps } = synthesize(plan, out, tmp)
      const entry: NarrationEntry = { textHash, fileHash: sha16(readFileSync(out)), recorded: false, synth: plan.synth, bytes, durationMs: durationMs(out) }
      if (plan.input !== undefined) entry.input = plan.input
      entries[cue] = entry
      dirty = true
      c.made++
      c.sizes.push(`${relative('.', out)}  ${(bytes / 1024).toFixed(1)} KB  ${(entry.durationMs / 1000).toFixed(1)} s  ${kbps} kbps`)
      if (bytes > MAX_BYTES) sink.error(`warning: ${relative('.', out)} is ${bytes} bytes; split the cue into shorter ones`)
    }
  }
  // a renamed or removed cue leaves its entry and mp3 behind: drop the synthesised ones
  const { pruned, kept } = pruneStaleNarration(narrDir, sidecar, m.data.narration)
  for (const s of pruned) sink.log(`pruned ${s.lang}/${s.cue}: no longer a cue in manifest.json`)
  for (const s of kept)
    sink.error(`warning: ${relative('.', join(narrDir, s.lang, `${s.cue}.mp3`))} is not a cue in manifest.json; rename it to the new cue name or delete it`)
  if (dirty || pruned.length) {
    mkdirSync(narrDir, { recursive: true })
    writeFileSync(sidecarFile, JSON.stringify(sidecar, null, 2) + '\n')
  }
}

/**
 * Shared UI/scene sounds, synthesized deterministically (sox synth tones; crackle from a seeded PRNG),
 * so regenerating gives the same sound. Loopable ones start and end at silence or are cross-faded.
 */
interface SfxRecipe {
  segments: string[][]
  times?: number
  pcm?: () => Buffer
  norm: string
}
const tone = (len: string, wave: string, hz: string, ...fx: string[]) => ['synth', len, wave, hz, ...fx]
const SFX: Record<string, SfxRecipe> = {
  // European two-tone fire alarm, 960/770 Hz square softened with a sine and a low-pass; 3 cycles = 2.7 s.
  alarm: {
    segments: ['960', '770'].map((hz) => [
      ...tone('0.45', 'square', hz),
      'synth',
      '0.45',
      'sine',
      'mix',
      hz,
      'vol',
      '0.4',
      'lowpass',
      '3500',
      'fade',
      'h',
      '0.01',
      '0.45',
      '0.01',
    ]),
    times: 3,
    norm: '-4',
  },
  crackle: { segments: [], pcm: () => cracklePcm(3, 0xf17e), norm: '-4' },
  click: {
    segments: [[...tone('0.035', 'sine', '2400'), 'synth', '0.035', 'square', 'mix', '1200', 'highpass', '800', 'fade', 'q', '0.001', '0.035', '0.03']],
    norm: '-6',
  },
  // Rising two-tone chime: C6 then E6, each a quick plucked decay.
  correct: {
    segments: [tone('0.16', 'sine', '1047', 'fade', 'q', '0.005', '0.16', '0.1'), tone('0.5', 'sine', '1319', 'fade', 'q', '0.005', '0.5', '0.45')],
    norm: '-4',
  },
  // Soft low buzz: a low-passed 150 Hz sawtooth with a gentle flutter.
  wrong: { segments: [tone('0.4', 'sawtooth', '150', 'lowpass', '500', 'tremolo', '18', '40', 'fade', 'h', '0.03', '0.4', '0.15')], norm: '-4' },
}

/** Fire crackle: a brown-noise bed plus decaying noise pops at random times; tail cross-faded into the head. */
function cracklePcm(seconds: number, seed: number): Buffer {
  let s = seed >>> 0
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 // LCG: same bytes every run
  const n = Math.round(seconds * RATE)
  const xf = Math.round(0.15 * RATE)
  const x = new Float32Array(n + xf)
  let brown = 0
  for (let i = 0; i < x.length; i++) {
    brown = brown * 0.995 + (rand() * 2 - 1) * 0.05
    x[i] = brown * 0.6
  }
  for (let t = 0; t < x.length;) {
    t += Math.round((-Math.log(1 - rand()) / 22) * RATE) // ~22 pops per second
    const amp = 0.15 + 0.85 * rand() ** 3
    const len = Math.round((0.002 + 0.012 * rand()) * RATE)
    for (let k = 0; k < len && t + k < x.length; k++) x[t + k]! += (rand() * 2 - 1) * amp * Math.exp((-5 * k) / len)
  }
  const out = Buffer.alloc(n * 2)
  for (let i = 0; i < n; i++) {
    const v = i < xf ? x[i]! * (i / xf) + x[n + i]! * (1 - i / xf) : x[i]!
    out.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v * 0.7)) * 32767), i * 2)
  }
  return out
}

function makeSfx(o: Options, c: Counts, tmp: string): void {
  mkdirSync(o.sfxDir, { recursive: true })
  for (const [name, r] of Object.entries(SFX)) {
    const out = join(o.sfxDir, `${name}.mp3`)
    if (existsSync(out) && !o.force) {
      c.kept++
      continue
    }
    if (o.check) {
      c.problems.push(`${out}: missing`)
      continue
    }
    const fmt = ['-r', String(RATE), '-c', '1']
    if (r.pcm) {
      execFileSync('sox', ['-t', 'raw', '-e', 'signed', '-b', '16', ...fmt, '-', '-C', '32', out, 'highpass', '120', 'lowpass', '6000', 'norm', r.norm], {
        input: r.pcm(),
      })
    } else {
      const wavs = r.segments.map((fx, i) => {
        const wav = join(tmp, `${name}-${i}.wav`)
        run('sox', ['-n', ...fmt, wav, ...fx])
        return wav
      })
      const seq = Array.from({ length: r.times ?? 1 }, () => wavs).flat()
      run('sox', [...seq, '-C', '32', out, 'norm', r.norm])
    }
    c.made++
    c.sizes.push(`${relative('.', out)}  ${(statSync(out).size / 1024).toFixed(1)} KB  ${(durationMs(out) / 1000).toFixed(2)} s`)
  }
}

function exhibitDirs(o: Options): string[] {
  const found: string[] = []
  for (const root of o.dirs.map((d) => resolve(d))) {
    if (!existsSync(root)) continue
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name)
      if (o.only.length > 0 && !o.only.includes(name)) continue
      if (existsSync(join(dir, 'manifest.json'))) found.push(dir)
    }
  }
  return found
}

async function generate(argv: string[]): Promise<number> {
  const o = parseArgs(argv)
  const c: Counts = { made: 0, kept: 0, adopted: 0, problems: [], sizes: [] }
  const tmp = mkdtempSync(join(tmpdir(), 'sophora-audio-'))
  const dirs = exhibitDirs(o)
  try {
    if (o.sfx) makeSfx(o, c, tmp)
    // --check writes nothing: the narration check below finds missing, stale and unadopted files.
    if (!o.check) for (const dir of dirs) processExhibit(dir, o, c, tmp)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  for (const s of c.sizes) sink.log(s)
  if (!o.check) sink.log(`gen-audio: ${c.made} generated, ${c.kept} up to date, ${c.adopted} recordings adopted`)
  const t0 = performance.now()
  const report = await verifyNarration(dirs)
  sink.log(
    `narration check: ${report.checked.length} synthesised zh-CN cues read back by espeak-ng in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${report.recorded} recordings exempt`,
  )
  const problems = [...new Set([...c.problems, ...report.problems])]
  for (const p of problems) sink.error(`problem: ${p}`)
  return problems.length > 0 ? 1 : 0
}

/**
 * The command with its arguments; resolves to the exit code (1: problems, 2: a bad command line
 * or a failure). Exported so that tests run it in-process instead of paying a tsx start per run.
 */
export async function runGenAudio(argv: string[], output: Output = CONSOLE): Promise<number> {
  sink = output
  try {
    return await generate(argv)
  } catch (e) {
    sink.error(`gen-audio: ${e instanceof Error ? e.message : String(e)}`)
    return 2
  } finally {
    sink = CONSOLE
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  void runGenAudio(process.argv.slice(2)).then((code) => (process.exitCode = code))
