import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runGenAudio } from '../../../../scripts/gen-audio.ts'

const root = resolve(import.meta.dirname, '../../../..')
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const tools = has('espeak-ng') && has('sox')

const manifest = {
  id: 'demo',
  version: 1,
  title: { 'zh-CN': '演示', en: 'Demo' },
  summary: { 'zh-CN': '演示展项', en: 'A demo exhibit' },
  category: 'science',
  ages: [8, 15],
  minutes: 5,
  stamp: { glyph: '演', color: '#aa3322', label: { 'zh-CN': '演示', en: 'Demo' } },
  steps: ['one'],
  quiz: { items: ['q1'], pass: 1 },
  narration: ['intro', 'outro'],
  modes: ['flat'],
}

// Needs espeak-ng and sox; in CI a missing tool fails the suite instead of skipping it.
describe.skipIf(!tools && !process.env.CI)('scripts/gen-audio.ts', () => {
  let dir: string
  let ex: string
  const narr = (lang: string, cue: string) => join(ex, 'assets/narration', lang, `${cue}.mp3`)
  const locales = (zhIntro: string) => {
    writeFileSync(join(ex, 'locales/zh-CN.json'), JSON.stringify({ 'narration.intro': zhIntro, 'narration.outro': '再见！' }))
    writeFileSync(join(ex, 'locales/en.json'), JSON.stringify({ 'narration.intro': 'Fire! Stay low.', 'narration.outro': 'Goodbye!' }))
  }
  const argv = (args: string[]) => ['--dir', join(dir, 'exhibits'), '--no-sfx', ...args]
  /** As the command, a process (the first run: proves the entry point and its exit code). */
  const genProcess = (...args: string[]) => {
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/gen-audio.ts'), ...argv(args)], { cwd: dir, encoding: 'utf8' })
    return { code: r.status, out: r.stdout + r.stderr }
  }
  /** In-process (a tsx start per run cost more CPU than the synthesis): the same function the command runs. */
  const gen = async (...args: string[]) => {
    let text = ''
    const line = (l: string) => (text += `${l}\n`)
    const code = await runGenAudio(argv(args), { log: line, error: line })
    return { code, out: text }
  }
  const sidecar = () => JSON.parse(readFileSync(join(ex, 'assets/narration/manifest.json'), 'utf8'))

  beforeAll(() => {
    if (!tools) throw new Error('espeak-ng and sox are required: apt-get install espeak-ng sox libsox-fmt-mp3')
    dir = mkdtempSync(join(tmpdir(), 'gen-audio-test-'))
    ex = join(dir, 'exhibits/demo')
    mkdirSync(join(ex, 'locales'), { recursive: true })
    writeFileSync(join(ex, 'manifest.json'), JSON.stringify(manifest))
    locales('着火了！不要慌张。')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('synthesizes every cue in every language into a small mono mp3 and records it', () => {
    const r = genProcess()
    expect(r.code, r.out).toBe(0)
    expect(r.out).toContain('4 generated')
    for (const lang of ['zh-CN', 'en'])
      for (const cue of ['intro', 'outro']) {
        const f = narr(lang, cue)
        expect(statSync(f).size).toBeGreaterThan(1000)
        expect(statSync(f).size).toBeLessThan(60_000)
        expect(execFileSync('sox', ['--i', '-c', f]).toString().trim()).toBe('1')
        expect(sidecar().cues[lang][cue]).toMatchObject({ recorded: false, synth: expect.any(String) })
      }
    // Mandarin goes through pinyin (recorded for the check); every run ends with the read-back check
    expect(sidecar().cues['zh-CN'].intro).toMatchObject({
      synth: expect.stringMatching(/^espeak-ng:cmn-latn-pinyin@/),
      input: 'zhao2 huo3 le5!\nbu2 yao4 huang1 zhang1.',
    })
    expect(r.out).toMatch(/narration check: 2 synthesised zh-CN cues read back/)
  }, 60_000)

  it('--check fails a zh-CN cue made by the old cmn pipeline, naming the English it was read as', async () => {
    const good = readFileSync(join(ex, 'assets/narration/manifest.json'), 'utf8')
    const old = sidecar()
    const { input: _input, ...entry } = old.cues['zh-CN'].outro
    old.cues['zh-CN'].outro = { ...entry, synth: 'espeak-ng:cmn@180+sox:22050/32,24,16/v1' }
    writeFileSync(join(ex, 'assets/narration/manifest.json'), JSON.stringify(old))
    const r = await gen('--check')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/zh-CN\/outro\.mp3: made by retired pipeline espeak-ng:cmn@180/)
    expect(r.out).toMatch(/zh-CN\/outro\.mp3 .*voice switches language \(en\)/)
    writeFileSync(join(ex, 'assets/narration/manifest.json'), good)
    expect((await gen('--check')).code).toBe(0)
  }, 60_000)

  it('skips unchanged cues and regenerates only the one whose text changed', async () => {
    expect((await gen()).out).toContain('0 generated, 4 up to date')
    const before = readFileSync(narr('zh-CN', 'intro'))
    locales('着火了！快弯下腰，捂住口鼻。')
    expect((await gen('--check')).code).toBe(1)
    const r = await gen()
    expect(r.out).toContain('1 generated, 3 up to date')
    expect(readFileSync(narr('zh-CN', 'intro')).equals(before)).toBe(false)
  }, 60_000)

  it('adopts a dropped-in recording and never overwrites it, warning when its text changes', async () => {
    copyFileSync(narr('en', 'intro'), narr('en', 'outro')) // stands in for a staff recording
    const recording = readFileSync(narr('en', 'outro'))
    expect((await gen()).out).toContain('1 recordings adopted')
    expect(sidecar().cues.en.outro.recorded).toBe(true)
    writeFileSync(join(ex, 'locales/en.json'), JSON.stringify({ 'narration.intro': 'Fire! Stay low.', 'narration.outro': 'See you soon!' }))
    const r = await gen('--force')
    expect(r.out).toMatch(/outro\.mp3 is a recording of older text/)
    expect(readFileSync(narr('en', 'outro')).equals(recording)).toBe(true)
    expect(r.out).toContain('3 generated')
  }, 60_000)

  it('fails naming the file when a narration text is missing', async () => {
    writeFileSync(join(ex, 'locales/en.json'), JSON.stringify({ 'narration.intro': 'Fire! Stay low.' }))
    const r = await gen()
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/en\.json: no key narration\.outro/)
  }, 60_000)
})
