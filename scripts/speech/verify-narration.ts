/**
 * The narration check (used by `npm test` and by `gen:audio`, with and without --check): every cue
 * of every exhibit has its file, the file is the one the manifest describes, nothing is left of a
 * renamed or removed cue (stale-narration.ts), and each synthesised
 * zh-CN cue, re-read by espeak-ng from the exact input and settings it was made with, stays in
 * Mandarin with one tone per syllable. Recordings (`recorded: true`) are exempt. Cues made by the
 * retired `cmn` pipeline fail twice over: the id is retired, and their phonemes switch to English.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LANGS, LocaleFileSchema, ManifestSchema, type Lang } from '../../src/core/manifest-schema.ts'
import { readNarrationManifest, sha16 } from './narration-manifest.ts'
import { mandarinProblems, mapLimit, readPhonemes } from './phoneme-check.ts'
import { describeStale, staleNarration } from './stale-narration.ts'
import { planSpeech, recordedPlan, type SpeechPlan } from './synth-pipeline.ts'

export interface CueCheck {
  exhibit: string
  lang: Lang
  cue: string
  text: string
  plan: SpeechPlan
  phonemes?: string
}
export interface NarrationReport {
  problems: string[]
  /** every synthesised zh-CN cue whose phonemes were read, with its stream */
  checked: CueCheck[]
  recorded: number
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** Everything except the phoneme reading: cheap, synchronous, one list of problems. */
function collect(dir: string, report: NarrationReport, pending: CueCheck[]): void {
  const id = dir.split(/[\\/]/).pop() ?? dir
  const m = ManifestSchema.safeParse(readJson(join(dir, 'manifest.json')))
  if (!m.success) {
    report.problems.push(`${dir}/manifest.json: invalid`)
    return
  }
  const narrDir = join(dir, 'assets', 'narration')
  let sidecar
  try {
    sidecar = readNarrationManifest(join(narrDir, 'manifest.json'))
  } catch (e) {
    report.problems.push(String(e))
    return
  }
  report.problems.push(...describeStale(id, staleNarration(narrDir, sidecar, m.data.narration)))
  for (const lang of LANGS) {
    const locale = LocaleFileSchema.safeParse(existsSync(join(dir, 'locales', `${lang}.json`)) ? readJson(join(dir, 'locales', `${lang}.json`)) : null)
    if (!locale.success) {
      report.problems.push(`${dir}/locales/${lang}.json: missing or invalid`)
      continue
    }
    for (const cue of m.data.narration) {
      const where = `${id}/assets/narration/${lang}/${cue}.mp3`
      const text = locale.data[`narration.${cue}`]
      const entry = sidecar.cues[lang]?.[cue]
      const file = join(narrDir, lang, `${cue}.mp3`)
      if (!text) {
        report.problems.push(`${id}/locales/${lang}.json: no key narration.${cue}`)
        continue
      }
      if (!entry || !existsSync(file)) {
        report.problems.push(`${where}: missing (run gen:audio)`)
        continue
      }
      if (sha16(readFileSync(file)) !== entry.fileHash) {
        report.problems.push(`${where}: not the file in the narration manifest (a new recording? run gen:audio to adopt it)`)
        continue
      }
      if (entry.recorded) {
        report.recorded++
        continue
      }
      if (entry.textHash !== sha16(text)) report.problems.push(`${where}: made from older text (run gen:audio)`)
      const plan = recordedPlan(lang, entry.synth ?? '', text, entry.input)
      const current = planSpeech(lang, text)
      if (!plan) {
        report.problems.push(`${where}: unknown synthesis pipeline "${entry.synth ?? ''}"`)
        continue
      }
      if (plan.synth !== current.synth) report.problems.push(`${where}: made by retired pipeline ${plan.synth} (run gen:audio)`)
      else if (lang === 'zh-CN' && entry.input !== current.input) report.problems.push(`${where}: pinyin differs from what the text gives now (run gen:audio)`)
      if (lang === 'zh-CN') pending.push({ exhibit: id, lang, cue, text, plan })
    }
  }
}

export async function verifyNarration(exhibitDirs: string[]): Promise<NarrationReport> {
  const report: NarrationReport = { problems: [], checked: [], recorded: 0 }
  const pending: CueCheck[] = []
  for (const dir of exhibitDirs) collect(dir, report, pending)
  await mapLimit(pending, 4, async (c) => {
    c.phonemes = await readPhonemes(c.plan)
    for (const p of mandarinProblems(c.phonemes, c.plan.syllables ?? 0)) {
      report.problems.push(`${c.exhibit}/assets/narration/${c.lang}/${c.cue}.mp3 (${c.plan.synth}): ${p}`)
    }
  })
  report.checked = pending
  return report
}
