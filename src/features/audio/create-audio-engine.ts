import { Howler } from 'howler'
import type { Cleanup } from '../../core/exhibit-kit.ts'
import type { AudioStore } from './audio-store.ts'
import { browserSpeech, type DeviceSpeech } from './device-speech.ts'
import { createSoundBank, type LoadResult } from './sound-bank.ts'
import { readingMs, splitSubtitle, timeLines, trackMs, type TimedLine } from './subtitle-timing.ts'
import { chooseVoice, pickDeviceVoice, type VoiceLike, type VoiceSource } from './voice-choice.ts'

/** A cue's mp3: its URL, and whether a person recorded it (the narration manifest's `recorded`). */
export type NarrationSource = string | { url: string; recorded: boolean }

export interface AudioEngineOptions {
  store: AudioStore
  /** the visitor's language, for the device voice (BCP 47: 'zh-CN', 'en') */
  lang?: string
  /** default: the page's speechSynthesis; null: never use a device voice */
  speech?: DeviceSpeech | null
  /** How long a narration may wait to start (locked or suspended AudioContext) before it goes subtitles-only. */
  startTimeoutMs?: number
  /** A file that has not loaded after this long counts as missing. */
  loadTimeoutMs?: number
}

export interface SfxOptions {
  loop?: boolean
  volume?: number
}

export interface AudioEngine {
  /** Decode narration (cue -> url) and sound effects (name -> url). Missing files do not reject; they are listed in `failed`. */
  load(
    narration: Record<string, NarrationSource>,
    sfx?: Record<string, string>,
    onProgress?: (fraction: number) => void,
    signal?: AbortSignal,
  ): Promise<LoadResult>
  /**
   * Speak `cue` with `text` as timed subtitles, in the voice `chooseVoice` picks (store.voice).
   * Resolves when it ends or is stopped (never rejects).
   */
  narrate(cue: string, text: string): Promise<void>
  /** What spoke (or is speaking) the latest narration; null before the first. */
  lastVoice(): VoiceSource | null
  stopNarration(): void
  /** Play a sound effect; the Cleanup stops it (needed for `loop`). Unknown or failed names do nothing. */
  sfx(name: string, opts?: SfxOptions): Cleanup
  /** Resume Web Audio on the visitor's first pointerdown/keydown/touchend on `target`. */
  setupUnlock(target?: EventTarget): Cleanup
  /** Stop everything and unload every sound this engine created. */
  dispose(): void
}

const UNLOCK_EVENTS = ['pointerdown', 'keydown', 'touchend'] as const
const noop: Cleanup = () => {}

/** Howler's typings claim ctx always exists; before the first Howl (or without Web Audio) it does not. */
const audioContext = () => (Howler.ctx as AudioContext | null | undefined) ?? null

/**
 * Narration, subtitles and sound effects for one exhibit visit. Create it on enter, `dispose()` on exit
 * (it fits `ctx.track`). Mute and volume come from the shared store and apply through Howler's globals.
 */
export function createAudioEngine(options: AudioEngineOptions): AudioEngine {
  const { store, lang = 'zh-CN', startTimeoutMs = 1500, loadTimeoutMs = 15_000 } = options
  const speech = options.speech === undefined ? browserSpeech() : options.speech
  const bank = createSoundBank(loadTimeoutMs)
  const recorded = new Set<string>()
  const cleanups = new Set<Cleanup>()
  let stopCurrent: Cleanup | null = null
  let disposed = false
  let last: VoiceSource | null = null

  const apply = () => {
    Howler.mute(store.getState().muted)
    Howler.volume(store.getState().volume)
  }
  apply()
  cleanups.add(
    store.subscribe((s, prev) => {
      if (s.muted !== prev.muted || s.volume !== prev.volume) apply()
    }),
  )

  const audible = () => store.getState().unlocked || audioContext()?.state === 'running'

  function narrate(cue: string, text: string): Promise<void> {
    stopCurrent?.()
    if (disposed) return Promise.resolve()
    const lines = splitSubtitle(text)
    const entry = bank.get(`narration:${cue}`)
    const file = entry && entry.state !== 'failed' ? (recorded.has(cue) ? 'recorded' : 'generated') : null
    const voice = speech ? pickDeviceVoice(speech.getVoices(), lang) : null
    const source = chooseVoice(store.getState().voice, { file, device: voice !== null })
    return new Promise<void>((resolve) => {
      const timers = new Set<ReturnType<typeof setTimeout>>()
      const later = (fn: () => void, ms: number) => {
        const t = setTimeout(() => {
          timers.delete(t)
          fn()
        }, ms)
        timers.add(t)
      }
      let soundId: number | null = null
      let speaking = false
      let unsubscribe: Cleanup | null = null
      let done = false
      let textOnly = false
      const finish = () => {
        if (done) return
        done = true
        cancelTimers()
        detach()
        if (store.getState().subtitle?.cue === cue) store.getState().setSubtitle(null)
        if (stopCurrent === finish) stopCurrent = null
        resolve()
      }
      stopCurrent = finish
      /** Let go of our sound or speech: stop it and drop its listeners, so a late event cannot act. */
      const detach = () => {
        unsubscribe?.()
        unsubscribe = null
        if (speaking) {
          speaking = false
          speech?.cancel()
        }
        if (!entry || soundId === null) return
        for (const ev of ['play', 'playerror', 'end']) entry.howl.off(ev, undefined, soundId)
        entry.howl.stop(soundId)
        soundId = null
      }
      const cancelTimers = () => {
        for (const t of timers) clearTimeout(t)
        timers.clear()
      }
      const show = (track: TimedLine[]) => {
        for (const l of track) later(() => store.getState().setSubtitle({ text: l.text, cue }), l.startMs)
      }
      /** The remaining lines (from `from`) by reading speed: no audio, or the audio gave up. */
      const subtitlesOnly = (from = 0) => {
        if (done || textOnly) return
        textOnly = true
        last = from === 0 ? 'subtitles' : last
        cancelTimers()
        detach()
        const track = timeLines(lines.slice(from))
        show(track)
        later(finish, trackMs(track))
      }
      const playFile = () => {
        if (!entry || file === null) {
          subtitlesOnly()
          return
        }
        last = file
        // Waiting covers a file still decoding and an AudioContext the browser has not let us start.
        later(subtitlesOnly, startTimeoutMs)
        void entry.ready.then((ok) => {
          if (done || textOnly || soundId !== null) return
          if (!ok) {
            subtitlesOnly()
            return
          }
          const { howl } = entry
          const id = howl.play()
          soundId = id
          howl.once(
            'play',
            () => {
              if (done || soundId !== id) return
              cancelTimers()
              show(timeLines(lines, howl.duration(id) * 1000))
            },
            id,
          )
          howl.once('playerror', () => subtitlesOnly(), id)
          howl.once('end', finish, id)
        })
      }
      /**
       * One utterance per subtitle line: each line shows when its speech starts, so subtitles follow
       * the device voice exactly, and no utterance is long enough to hit Chromium's ~15 s cut-off.
       */
      const speakDevice = (dev: DeviceSpeech, v: VoiceLike) => {
        last = 'device'
        speaking = true
        let started = false
        const speakLine = (i: number) => {
          if (done || textOnly) return
          if (i >= lines.length) {
            finish()
            return
          }
          const line = lines[i]!
          const u = dev.createUtterance(line)
          u.voice = v
          u.lang = v.lang
          u.volume = store.getState().muted ? 0 : store.getState().volume
          const live = () => !done && !textOnly && speaking
          u.onstart = () => {
            if (!live()) return
            started = true
            cancelTimers()
            store.getState().setSubtitle({ text: line, cue })
            // A voice that never reports the end must not hold the visit: move on by reading time.
            later(() => subtitlesOnly(i + 1), readingMs(line) * 3 + 4000)
          }
          u.onend = () => {
            if (live()) {
              cancelTimers()
              speakLine(i + 1)
            }
          }
          u.onerror = () => {
            if (!live()) return
            if (started) subtitlesOnly(i + 1)
            else {
              speaking = false
              dev.cancel()
              fallBack()
            }
          }
          dev.speak(u)
        }
        // No start within the wait (speech blocked, voice broken): the file, else subtitles.
        later(() => {
          if (!started) {
            speaking = false
            dev.cancel()
            fallBack()
          }
        }, startTimeoutMs)
        // Muting mid-sentence must silence at once; the current line and the rest keep their subtitles.
        unsubscribe = store.subscribe((s, p) => {
          if (s.muted && !p.muted && started) subtitlesOnly(Math.max(0, lines.indexOf(s.subtitle?.text ?? '')))
        })
        speakLine(0)
      }
      const fallBack = () => {
        cancelTimers()
        if (file !== null) playFile()
        else subtitlesOnly()
      }
      if (source === 'device' && speech && voice) speakDevice(speech, voice)
      else if (source === 'recorded' || source === 'generated') playFile()
      else subtitlesOnly()
    })
  }

  function sfx(name: string, opts: SfxOptions = {}): Cleanup {
    const entry = bank.get(`sfx:${name}`)
    if (disposed || !entry || entry.state === 'failed') return noop
    const loop = opts.loop ?? false
    // A one-shot that cannot be heard now must not burst out later when audio unlocks.
    if (!loop && (entry.state !== 'loaded' || !audible())) return noop
    let id: number | null = null
    let stopped = false
    const start = () => {
      if (stopped || disposed || entry.state !== 'loaded') return
      id = entry.howl.play()
      entry.howl.loop(loop, id)
      entry.howl.volume(Math.min(1, Math.max(0, opts.volume ?? 1)), id)
    }
    if (entry.state === 'loaded') start()
    else void entry.ready.then(start)
    const stop: Cleanup = () => {
      if (stopped) return
      stopped = true
      cleanups.delete(stop)
      if (id !== null && !disposed) entry.howl.stop(id)
    }
    cleanups.add(stop)
    return stop
  }

  function setupUnlock(target: EventTarget = document): Cleanup {
    if (audioContext()?.state === 'running') store.getState().setUnlocked(true)
    const onGesture = () => {
      remove()
      Howler.volume() // creates Howler's AudioContext if no sound has yet
      const ctx = audioContext()
      if (!ctx) return
      void ctx.resume().then(
        () => store.getState().setUnlocked(ctx.state === 'running'),
        () => {},
      )
    }
    for (const e of UNLOCK_EVENTS) target.addEventListener(e, onGesture, { capture: true, passive: true })
    const remove: Cleanup = () => {
      for (const e of UNLOCK_EVENTS) target.removeEventListener(e, onGesture, { capture: true })
      cleanups.delete(remove)
    }
    cleanups.add(remove)
    return remove
  }

  return {
    load: (narration, sfxUrls = {}, onProgress, signal) => {
      const urls = new Map<string, string>()
      for (const [cue, src] of Object.entries(narration)) {
        const { url, recorded: isRecorded } = typeof src === 'string' ? { url: src, recorded: false } : src
        urls.set(`narration:${cue}`, url)
        if (isRecorded) recorded.add(cue)
        else recorded.delete(cue)
      }
      for (const [name, url] of Object.entries(sfxUrls)) urls.set(`sfx:${name}`, url)
      return bank.load(urls, onProgress, signal)
    },
    narrate,
    lastVoice: () => last,
    stopNarration: () => stopCurrent?.(),
    sfx,
    setupUnlock,
    dispose() {
      if (disposed) return
      stopCurrent?.()
      for (const c of [...cleanups]) c()
      disposed = true
      bank.unloadAll()
    },
  }
}
