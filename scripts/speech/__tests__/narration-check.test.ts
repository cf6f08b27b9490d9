import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocaleFileSchema, ManifestSchema } from '../../../src/core/manifest-schema.ts'
import { sha16, type NarrationEntry, type NarrationManifest } from '../narration-manifest.ts'
import { hasCommand } from '../phoneme-check.ts'
import { planSpeech, ZH_SYNTH } from '../synth-pipeline.ts'
import { verifyNarration } from '../verify-narration.ts'

const root = resolve(import.meta.dirname, '../../..')
const exhibits = readdirSync(join(root, 'exhibits'))
  .sort()
  .map((d) => join(root, 'exhibits', d))
const espeak = hasCommand('espeak-ng')
/** The id every zh-CN cue carried before this pipeline: espeak-ng 1.51 `-v cmn` on the Hanzi. */
const LEGACY_ID = 'espeak-ng:cmn@180+sox:22050/32,24,16/v1'

// Needs espeak-ng; in CI a missing tool fails the suite instead of skipping it.
describe.skipIf(!espeak && !process.env.CI)('narration check (espeak-ng reads back every cue)', () => {
  beforeAll(() => {
    if (!espeak) throw new Error('espeak-ng is required: apt-get install espeak-ng')
  })

  it('every synthesised zh-CN cue of every exhibit is read as Mandarin, one tone per syllable said', async () => {
    const t0 = performance.now()
    const report = await verifyNarration(exhibits)
    const ms = performance.now() - t0
    expect(report.problems).toEqual([])
    const zhCues = exhibits.flatMap((d) => {
      const m = ManifestSchema.parse(JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')))
      const n = JSON.parse(readFileSync(join(d, 'assets/narration/manifest.json'), 'utf8')) as NarrationManifest
      return m.narration.filter((c) => n.cues['zh-CN']?.[c]?.recorded === false)
    })
    expect(report.checked.length).toBe(zhCues.length)
    expect(report.checked.every((c) => c.plan.synth === ZH_SYNTH && /\d/.test(c.phonemes ?? ''))).toBe(true)
    console.log(`narration check: ${report.checked.length} zh-CN cues in ${(ms / 1000).toFixed(1)} s`)
  }, 60_000)

  describe('a fixture exhibit with the old manifest entries', () => {
    let dir: string
    let ex: string
    let cues: string[]
    let zh: Record<string, string>
    const where = (cue: string) => `fire-escape/assets/narration/zh-CN/${cue}.mp3`
    const placeholder = Buffer.from('stands in for an mp3; only its hash is checked')

    /** fire-escape's real manifest and texts; a narration manifest whose zh-CN entries are `entry(cue)`. */
    function writeFixture(entry: (cue: string, text: string) => NarrationEntry): void {
      const sidecar: NarrationManifest = { version: 1, cues: { 'zh-CN': {} } }
      for (const cue of cues) {
        writeFileSync(join(ex, 'assets/narration/zh-CN', `${cue}.mp3`), placeholder)
        sidecar.cues['zh-CN']![cue] = entry(cue, zh[`narration.${cue}`]!)
      }
      writeFileSync(join(ex, 'assets/narration/manifest.json'), JSON.stringify(sidecar))
    }
    const base = (text: string) => ({ textHash: sha16(text), fileHash: sha16(placeholder), recorded: false, bytes: placeholder.length, durationMs: 5000 })
    const problemsFor = (problems: string[], cue: string) => problems.filter((p) => p.startsWith(where(cue)))

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'narration-check-'))
      ex = join(dir, 'fire-escape')
      mkdirSync(join(ex, 'locales'), { recursive: true })
      mkdirSync(join(ex, 'assets/narration/zh-CN'), { recursive: true })
      const src = join(root, 'exhibits/fire-escape')
      copyFileSync(join(src, 'manifest.json'), join(ex, 'manifest.json'))
      // Only zh-CN is under test: an English locale without narration keys would be reported, so give it none.
      const m = ManifestSchema.parse(JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')))
      writeFileSync(join(ex, 'manifest.json'), JSON.stringify({ ...m }))
      zh = LocaleFileSchema.parse(JSON.parse(readFileSync(join(src, 'locales/zh-CN.json'), 'utf8')))
      writeFileSync(join(ex, 'locales/zh-CN.json'), JSON.stringify(zh))
      cues = m.narration
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const zhOnly = (problems: string[]) => problems.filter((p) => p.includes('/zh-CN/'))

    it('fails every cue synthesised by the old cmn pipeline, because espeak reads it as English', async () => {
      writeFixture((_cue, text) => ({ ...base(text), synth: LEGACY_ID }))
      const { problems } = await verifyNarration([ex])
      for (const cue of cues) {
        const mine = problemsFor(zhOnly(problems), cue).join('\n')
        expect(mine).toContain(`made by retired pipeline ${LEGACY_ID}`)
        expect(mine).toMatch(/voice switches language \(en\)/)
      }
    }, 60_000)

    it('passes the same cues made by the pinyin pipeline, and exempts a recording', async () => {
      writeFixture((cue, text) =>
        cue === cues[0] ? { ...base(text), recorded: true } : { ...base(text), synth: ZH_SYNTH, input: planSpeech('zh-CN', text).input },
      )
      const report = await verifyNarration([ex])
      expect(zhOnly(report.problems)).toEqual([])
      expect(report.recorded).toBe(1)
      expect(report.checked.map((c) => c.cue)).toEqual(cues.slice(1))
    }, 60_000)

    it('cannot be fooled by a current pipeline id on an input that is not the text in Mandarin', async () => {
      const [a, b, c] = cues
      writeFixture((cue, text) => {
        const input = planSpeech('zh-CN', text).input!
        const fake = cue === a ? 'ni hao, this is English' : cue === b ? input.replace(/^\S+ /, '') : cue === c ? `ni ${input}` : input
        return { ...base(text), synth: ZH_SYNTH, input: fake }
      })
      const problems = zhOnly((await verifyNarration([ex])).problems)
      // English words make even the pinyin voice switch; a dropped or an added syllable is counted
      expect(problemsFor(problems, a!).join('\n')).toMatch(/voice switches language \(en\)/)
      expect(problemsFor(problems, b!).join('\n')).toMatch(/\d+ toned syllables for \d+/)
      expect(problemsFor(problems, c!).join('\n')).toMatch(/\d+ toned syllables for \d+/)
      for (const cue of [a, b, c]) expect(problemsFor(problems, cue!).join('\n')).toMatch(/pinyin differs/)
      expect(problems.every((p) => [a, b, c].some((cue) => p.startsWith(where(cue!))))).toBe(true)
    }, 60_000)
  })
})
