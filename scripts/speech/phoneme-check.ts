/**
 * Reads what espeak-ng will say (its phoneme mnemonics, `-q -x`) for a speech plan, and judges a
 * Mandarin phoneme stream. `-x`, not `--ipa`: 1.51's IPA output misprints tones.
 * A good stream: no language switch — espeak marks one as "(en)…(cmn)" — and exactly one tone
 * (a digit run: 55 35 21 214 51, or 11-44 for the neutral tone) per syllable said.
 */
import { spawn, spawnSync } from 'node:child_process'
import type { SpeechPlan } from './synth-pipeline.ts'

const SWITCH = /\(([a-z]{2,3}(?:-[a-z0-9]+)*)\)/gi
const TONE = /\d+/g

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
}

/** espeak-ng's phoneme stream for exactly the plan's arguments and stdin. */
export function readPhonemes(plan: Pick<SpeechPlan, 'args' | 'stdin'>): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('espeak-ng', [...plan.args, '-q', '-x'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    p.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d
    })
    p.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d
    })
    p.on('error', reject)
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`espeak-ng exited ${code}: ${err}`))))
    p.stdin.end(plan.stdin)
  })
}

/** Runs `fn` over `items` with at most `limit` at a time (espeak-ng starts in ~30 ms; 2 cores). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

export interface MandarinVerdict {
  switches: string[]
  tones: number
  toneless: string[]
}

export function analyseMandarin(stream: string): MandarinVerdict {
  const switches = [...stream.matchAll(SWITCH)].map((m) => m[0])
  const words = stream
    .split(/\s+/)
    .map((w) => w.replace(/\(\w[\w-]*\)/g, '').replace(/[_|:]/g, ''))
    .filter((w) => /[a-z]/i.test(w))
  return { switches, tones: stream.replace(SWITCH, '').match(TONE)?.length ?? 0, toneless: words.filter((w) => !/\d/.test(w)) }
}

/** Problems with a Mandarin phoneme stream that should have `expected` toned syllables; [] if none. */
export function mandarinProblems(stream: string, expected: number): string[] {
  const v = analyseMandarin(stream)
  const problems: string[] = []
  if (v.switches.length > 0) problems.push(`voice switches language ${[...new Set(v.switches)].join(' ')} (read as a foreign language)`)
  if (v.toneless.length > 0) problems.push(`syllables without a tone: ${v.toneless.slice(0, 5).join(' ')}`)
  if (v.tones !== expected) problems.push(`${v.tones} toned syllables for ${expected} characters/letters said`)
  return problems
}
