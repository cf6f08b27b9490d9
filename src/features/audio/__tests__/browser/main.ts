// Probe page for audio-engine.browser.test.ts: a real engine, a subtitle log and a meter on the master bus.
import { Howler } from 'howler'
import { createAudioStore, type AudioStore } from '../../audio-store.ts'
import { createAudioEngine, type AudioEngine } from '../../create-audio-engine.ts'

export interface Probe {
  store: AudioStore
  engine: AudioEngine
  log: { t: number; text: string | null }[]
  /** RMS of what Howler sends to the speakers now (after mute and volume), over ~150 ms */
  level(): Promise<number>
  /** Howls alive in Howler's global registry */
  howls(): number
  /** A fresh engine on the same store, with the page's own speechSynthesis as it is now. */
  makeEngine(lang: string): AudioEngine
}

const store = createAudioStore({ storage: null })
const engine = createAudioEngine({ store })
const log: Probe['log'] = []
store.subscribe((s, p) => {
  if (s.subtitle !== p.subtitle) log.push({ t: performance.now(), text: s.subtitle?.text ?? null })
})

function level(): Promise<number> {
  const meter = Howler.ctx.createAnalyser()
  meter.fftSize = 2048
  Howler.masterGain.connect(meter)
  return new Promise((resolve) => {
    setTimeout(() => {
      const buf = new Float32Array(meter.fftSize)
      meter.getFloatTimeDomainData(buf)
      Howler.masterGain.disconnect(meter)
      resolve(Math.sqrt(buf.reduce((a, v) => a + v * v, 0) / buf.length))
    }, 150)
  })
}

const howls = () => (Howler as unknown as { _howls: unknown[] })._howls.length
const makeEngine = (lang: string) => createAudioEngine({ store, lang })
const probe: Probe = { store, engine, log, level, howls, makeEngine }
Object.assign(window, { probe })
document.title = 'ready'
