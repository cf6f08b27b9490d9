import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { CHROMIUM, launchChromiumContext } from '../../../../tests/e2e/chromium.ts'
import { E2E_FRAME_RATE } from '../../../../tests/e2e/frame-cap.ts'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Probe } from './browser/main.ts'

const repo = resolve(import.meta.dirname, '../../../..')
const sfxUrl = (name: string) => `/@fs${repo}/assets/sfx/${name}.mp3`
const ready = existsSync(CHROMIUM) && existsSync(join(repo, 'assets/sfx/alarm.mp3'))

declare global {
  interface Window {
    probe: Probe
  }
}

// Needs Debian's chromium and the generated sfx; in CI a missing one fails instead of skipping.
describe.skipIf(!ready && !process.env.CI)('audio engine in real Chromium', () => {
  let server: ViteDevServer
  let context: BrowserContext
  let page: Page
  let profile: string

  beforeAll(async () => {
    if (!ready) throw new Error(`needs ${CHROMIUM} (apt-get install chromium) and assets/sfx (npm run gen:audio)`)
    server = await createServer({
      configFile: false,
      root: join(import.meta.dirname, 'browser'),
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', fs: { allow: [repo] } },
      optimizeDeps: { include: ['howler', 'zustand', 'zustand/vanilla', 'zod'] },
    })
    await server.listen()
    const address = server.httpServer?.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    profile = mkdtempSync(join(tmpdir(), 'audio-chromium-'))
    context = await launchChromiumContext(profile, { frameRate: E2E_FRAME_RATE })
    page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`http://127.0.0.1:${address.port}/`)
    await page.waitForFunction(() => document.title === 'ready')
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    await server?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('loads mp3s, reports missing ones as failed, and leaves no Howl behind after dispose', async () => {
    const r = await page.evaluate(
      async ({ alarm, click }) => {
        const { engine, howls } = window.probe
        const progress: number[] = []
        const result = await engine.load({ intro: alarm, missing: '/nope.mp3' }, { click }, (f) => progress.push(f))
        return { result, progress, howls: howls() }
      },
      { alarm: sfxUrl('alarm'), click: sfxUrl('click') },
    )
    expect(r.result.loaded.sort()).toEqual(['narration:intro', 'sfx:click'])
    expect(r.result.failed).toEqual(['narration:missing'])
    expect(r.progress.at(-1)).toBe(1)
    expect(r.howls).toBe(3)
  })

  it('narrates: subtitles advance over the real audio duration and the promise resolves at its end', async () => {
    const r = await page.evaluate(async () => {
      const { engine, log } = window.probe
      log.length = 0
      const t0 = performance.now()
      await engine.narrate('intro', 'First line here. Second line here. Third line here.')
      return { elapsed: performance.now() - t0, log: log.map((l) => ({ t: l.t - t0, text: l.text })) }
    })
    expect(r.log.map((l) => l.text)).toEqual(['First line here.', 'Second line here.', 'Third line here.', null])
    // alarm.mp3 is 2.77 s: equal-length lines change about every 0.92 s and 'end' fires at ~2.77 s
    expect(r.elapsed).toBeGreaterThan(2500)
    expect(r.elapsed).toBeLessThan(3600)
    expect(r.log[1]!.t).toBeGreaterThan(700)
    expect(r.log[1]!.t).toBeLessThan(1300)
    expect(r.log[2]!.t).toBeGreaterThan(1600)
  })

  it('a cue whose file failed still gets subtitles by reading time', async () => {
    const r = await page.evaluate(async () => {
      const { engine, log } = window.probe
      log.length = 0
      const t0 = performance.now()
      await engine.narrate('missing', '没有声音也有字幕。')
      return { elapsed: performance.now() - t0, texts: log.map((l) => l.text) }
    })
    expect(r.texts).toEqual(['没有声音也有字幕。', null])
    expect(r.elapsed).toBeGreaterThan(2000) // 9 CJK chars at 4/s
  })

  it('a looping sfx is audible, silent when muted, and stops with its cleanup', async () => {
    const levels = await page.evaluate(async (alarm) => {
      const { engine, store, level } = window.probe
      await engine.load({}, { alarm })
      const stop = engine.sfx('alarm', { loop: true })
      await new Promise((res) => setTimeout(res, 200))
      const playing = await level()
      store.getState().setMuted(true)
      const muted = await level()
      store.getState().setMuted(false)
      const unmuted = await level()
      stop()
      await new Promise((res) => setTimeout(res, 100))
      const stopped = await level()
      return { playing, muted, unmuted, stopped }
    }, sfxUrl('alarm'))
    expect(levels.playing).toBeGreaterThan(0.01)
    expect(levels.muted).toBe(0)
    expect(levels.unmuted).toBeGreaterThan(0.01)
    expect(levels.stopped).toBe(0)
  })

  it('dispose unloads every Howl the engine created', async () => {
    const r = await page.evaluate(() => {
      const { engine, howls } = window.probe
      const before = howls()
      engine.dispose()
      return { before, after: howls() }
    })
    expect(r.before).toBe(4)
    expect(r.after).toBe(0)
  })

  it('without a device voice (headless Chromium has none) the generated file speaks the cue', async () => {
    const r = await page.evaluate(async (alarm) => {
      const { makeEngine, log, level } = window.probe
      const engine = makeEngine('zh-CN')
      await engine.load({ intro: { url: alarm, recorded: false } })
      log.length = 0
      const t0 = performance.now()
      const done = engine.narrate('intro', '第一句。第二句。')
      await new Promise((res) => setTimeout(res, 400))
      const playing = await level()
      await done
      const result = {
        voices: speechSynthesis.getVoices().length,
        voice: engine.lastVoice(),
        playing,
        elapsed: performance.now() - t0,
        texts: log.map((l) => l.text),
      }
      engine.dispose()
      return result
    }, sfxUrl('alarm'))
    expect(r.voices).toBe(0)
    expect(r.voice).toBe('generated')
    expect(r.playing).toBeGreaterThan(0.01)
    expect(r.elapsed).toBeGreaterThan(2500) // the file's 2.77 s, not reading time
    expect(r.texts).toEqual(['第一句。', '第二句。', null])
  })

  it('with a local zh-CN device voice it speaks through speechSynthesis, line by line, and the file stays silent', async () => {
    const r = await page.evaluate(async (alarm) => {
      // Headless Chromium has no voices: stand in a local Mandarin voice and a speak() that talks for 300 ms a line.
      // A real SpeechSynthesisUtterance refuses a voice object it did not make, so the utterance class is stubbed too.
      const spoken: { text: string; voice: string; lang: string }[] = []
      const fakeVoice = { name: 'Fake Ting-Ting', lang: 'zh-CN', localService: true, default: false, voiceURI: 'fake' }
      const cloudVoice = { ...fakeVoice, name: 'Cloud', localService: false }
      Object.defineProperty(speechSynthesis, 'getVoices', { configurable: true, value: () => [cloudVoice, fakeVoice] })
      Object.defineProperty(speechSynthesis, 'speak', {
        configurable: true,
        value: (u: { text: string; voice: { name: string }; lang: string; onstart?: () => void; onend?: () => void }) => {
          spoken.push({ text: u.text, voice: u.voice.name, lang: u.lang })
          setTimeout(() => u.onstart?.(), 10)
          setTimeout(() => u.onend?.(), 310)
        },
      })
      Object.defineProperty(window, 'SpeechSynthesisUtterance', {
        configurable: true,
        value: class {
          text: string
          constructor(text: string) {
            this.text = text
          }
        },
      })
      const { makeEngine, log, level } = window.probe
      const engine = makeEngine('zh-CN')
      await engine.load({ intro: { url: alarm, recorded: false } })
      log.length = 0
      const t0 = performance.now()
      const done = engine.narrate('intro', '第一句。第二句。')
      await new Promise((res) => setTimeout(res, 150))
      const fileLevel = await level()
      await done
      const result = { voice: engine.lastVoice(), spoken, fileLevel, elapsed: performance.now() - t0, log: log.map((l) => ({ t: l.t - t0, text: l.text })) }
      engine.dispose()
      return result
    }, sfxUrl('alarm'))
    expect(r.voice).toBe('device')
    expect(r.spoken).toEqual([
      { text: '第一句。', voice: 'Fake Ting-Ting', lang: 'zh-CN' },
      { text: '第二句。', voice: 'Fake Ting-Ting', lang: 'zh-CN' },
    ])
    expect(r.fileLevel).toBe(0)
    expect(r.log.map((l) => l.text)).toEqual(['第一句。', '第二句。', null])
    // subtitles follow the voice's events: line 2 when its speech starts (~320 ms), the end at ~620 ms
    expect(r.log[1]!.t).toBeGreaterThan(280)
    expect(r.log[1]!.t).toBeLessThan(600)
    expect(r.elapsed).toBeLessThan(1500)
  })
})
