import { Howler } from 'howler'
import type { Cleanup } from '../../core/exhibit-kit.ts'
import type { AudioStore } from './audio-store.ts'
import { createSoundBank, type LoadResult } from './sound-bank.ts'
import { splitSubtitle, timeLines, trackMs, type TimedLine } from './subtitle-timing.ts'

export interface AudioEngineOptions {
  store: AudioStore
  /** How long a narration may wait to start (locked or suspended AudioContext) before it goes subtitles-only. */
  startTimeoutMs?: number
  /** A file that has not loaded after this long counts as missing. */
  loadTimeoutMs?: number
}

export interface SfxOptions { loop?: boolean; volume?: number }

export interface AudioEngine {
  /** Decode narration (cue -> url) and sound effects (name -> url). Missing files do not reject; they are listed in `failed`. */
  load(narration: Record<string, string>, sfx?: Record<string, string>, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<LoadResult>
  /** Speak `cue` with `text` as timed subtitles. Resolves when it ends or is stopped (never rejects). */
  narrate(cue: string, text: string): Promise<void>
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
export function createAudioEngine({ store, startTimeoutMs = 1500, loadTimeoutMs = 15_000 }: AudioEngineOptions): AudioEngine {
  const bank = createSoundBank(loadTimeoutMs)
  const cleanups = new Set<Cleanup>()
  let stopCurrent: Cleanup | null = null
  let disposed = false

  const apply = () => { Howler.mute(store.getState().muted); Howler.volume(store.getState().volume) }
  apply()
  cleanups.add(store.subscribe((s, prev) => { if (s.muted !== prev.muted || s.volume !== prev.volume) apply() }))

  const audible = () => store.getState().unlocked || audioContext()?.state === 'running'

  function narrate(cue: string, text: string): Promise<void> {
    stopCurrent?.()
    if (disposed) return Promise.resolve()
    const lines = splitSubtitle(text)
    const entry = bank.get(`narration:${cue}`)
    return new Promise<void>((resolve) => {
      const timers = new Set<ReturnType<typeof setTimeout>>()
      const later = (fn: () => void, ms: number) => { const t = setTimeout(() => { timers.delete(t); fn() }, ms); timers.add(t) }
      let soundId: number | null = null
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
      /** Let go of our sound: stop it and drop its listeners, so a late 'play' or 'end' cannot act. */
      const detach = () => {
        if (!entry || soundId === null) return
        for (const ev of ['play', 'playerror', 'end']) entry.howl.off(ev, undefined, soundId)
        entry.howl.stop(soundId)
        soundId = null
      }
      const cancelTimers = () => { for (const t of timers) clearTimeout(t); timers.clear() }
      const show = (track: TimedLine[]) => {
        for (const l of track) later(() => store.getState().setSubtitle({ text: l.text, cue }), l.startMs)
      }
      const subtitlesOnly = () => {
        if (done || textOnly) return
        textOnly = true
        cancelTimers()
        detach()
        const track = timeLines(lines)
        show(track)
        later(finish, trackMs(track))
      }
      if (!entry) { subtitlesOnly(); return }
      // Waiting covers a file still decoding and an AudioContext the browser has not let us start.
      later(subtitlesOnly, startTimeoutMs)
      void entry.ready.then((ok) => {
        if (done || textOnly || soundId !== null) return
        if (!ok) { subtitlesOnly(); return }
        const { howl } = entry
        const id = howl.play()
        soundId = id
        howl.once('play', () => {
          if (done || soundId !== id) return
          cancelTimers()
          show(timeLines(lines, howl.duration(id) * 1000))
        }, id)
        howl.once('playerror', subtitlesOnly, id)
        howl.once('end', finish, id)
      })
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
      void ctx.resume().then(() => store.getState().setUnlocked(ctx.state === 'running'), () => {})
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
      for (const [cue, url] of Object.entries(narration)) urls.set(`narration:${cue}`, url)
      for (const [name, url] of Object.entries(sfxUrls)) urls.set(`sfx:${name}`, url)
      return bank.load(urls, onProgress, signal)
    },
    narrate,
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
