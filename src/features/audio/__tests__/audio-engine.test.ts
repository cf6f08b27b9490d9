// @vitest-environment jsdom
import { Howler } from 'howler'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAudioEngine } from '../create-audio-engine.ts'
import { createAudioStore, type AudioStore, type Subtitle } from '../audio-store.ts'

// jsdom has no Web Audio: these cover the subtitles-only path (no file, load failed, muted kiosk).
// Real playback is covered by audio-engine.browser.test.ts.
describe('audio engine without audio files', () => {
  let store: AudioStore
  let seen: (Subtitle | null)[]
  beforeEach(() => {
    vi.useFakeTimers()
    store = createAudioStore({ storage: null })
    seen = []
    store.subscribe((s, p) => {
      if (s.subtitle !== p.subtitle) seen.push(s.subtitle)
    })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows each line for its reading time, then clears it and resolves', async () => {
    const engine = createAudioEngine({ store })
    let ended = false
    void engine.narrate('intro', '着火了！不要慌张，弯下腰走。').then(() => {
      ended = true
    })
    expect(store.getState().subtitle).toBeNull()
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().subtitle).toEqual({ text: '着火了！', cue: 'intro' })
    await vi.advanceTimersByTimeAsync(1199) // '着火了！' = 1 s of reading, shown at least 1.2 s
    expect(store.getState().subtitle?.text).toBe('着火了！')
    await vi.advanceTimersByTimeAsync(1)
    expect(store.getState().subtitle?.text).toBe('不要慌张，弯下腰走。')
    await vi.advanceTimersByTimeAsync(2499)
    expect(ended).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(ended).toBe(true)
    expect(store.getState().subtitle).toBeNull()
    expect(seen.map((s) => s?.text ?? null)).toEqual(['着火了！', '不要慌张，弯下腰走。', null])
    engine.dispose()
  })

  it('a new narration stops the previous one, which resolves at once', async () => {
    const engine = createAudioEngine({ store })
    let firstEnded = false
    void engine.narrate('a', 'First line. Second line. Third line.').then(() => {
      firstEnded = true
    })
    await vi.advanceTimersByTimeAsync(1300)
    expect(store.getState().subtitle?.cue).toBe('a')
    void engine.narrate('b', '第二段。')
    await vi.advanceTimersByTimeAsync(0)
    expect(firstEnded).toBe(true)
    expect(store.getState().subtitle).toEqual({ text: '第二段。', cue: 'b' })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(seen.every((s) => s === null || s.cue === 'b' || s.text !== 'Third line.')).toBe(true)
    expect(seen.some((s) => s?.text === 'Third line.')).toBe(false)
    engine.dispose()
  })

  it('stopNarration and dispose clear the subtitle and resolve', async () => {
    const engine = createAudioEngine({ store })
    const p = engine.narrate('x', '一句话。两句话。')
    await vi.advanceTimersByTimeAsync(0)
    engine.stopNarration()
    await expect(p).resolves.toBeUndefined()
    expect(store.getState().subtitle).toBeNull()
    const q = engine.narrate('y', '三句话。')
    await vi.advanceTimersByTimeAsync(0)
    engine.dispose()
    await expect(q).resolves.toBeUndefined()
    expect(store.getState().subtitle).toBeNull()
    await expect(engine.narrate('z', '之后。')).resolves.toBeUndefined()
  })

  it('applies mute and volume from the store to Howler, live, until disposed', () => {
    store.getState().setVolume(0.4)
    const engine = createAudioEngine({ store })
    expect(Howler.volume()).toBeCloseTo(0.4)
    store.getState().setVolume(0.9)
    expect(Howler.volume()).toBeCloseTo(0.9)
    engine.dispose()
    store.getState().setVolume(0.1)
    expect(Howler.volume()).toBeCloseTo(0.9)
  })

  it('sfx of an unknown name is a harmless no-op', () => {
    const engine = createAudioEngine({ store })
    const stop = engine.sfx('alarm', { loop: true })
    expect(() => {
      stop()
      stop()
    }).not.toThrow()
    engine.dispose()
  })

  it('setupUnlock listens for the first gesture and its cleanup removes the listeners', () => {
    const engine = createAudioEngine({ store })
    const target = new EventTarget()
    const add = vi.spyOn(target, 'addEventListener')
    const remove = vi.spyOn(target, 'removeEventListener')
    const cleanup = engine.setupUnlock(target)
    expect(add.mock.calls.map((c) => c[0])).toEqual(['pointerdown', 'keydown', 'touchend'])
    cleanup()
    expect(remove.mock.calls.map((c) => c[0])).toEqual(['pointerdown', 'keydown', 'touchend'])
    engine.dispose()
  })
})
