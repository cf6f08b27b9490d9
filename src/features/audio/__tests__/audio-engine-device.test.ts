// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAudioEngine } from '../create-audio-engine.ts'
import { createAudioStore, type AudioStore } from '../audio-store.ts'
import type { DeviceSpeech, UtteranceLike } from '../device-speech.ts'
import type { VoiceLike } from '../voice-choice.ts'

/** A speechSynthesis stand-in: records utterances; the test fires their events. */
function fakeSpeech(voices: VoiceLike[]) {
  const spoken: UtteranceLike[] = []
  const calls = { cancel: 0 }
  const speech: DeviceSpeech = {
    getVoices: () => voices,
    speak: (u) => {
      spoken.push(u)
    },
    cancel: () => {
      calls.cancel++
    },
    createUtterance: (text) => ({ text, lang: '', voice: null, volume: 1, rate: 1, onstart: null, onend: null, onerror: null }),
  }
  return { speech, spoken, calls }
}
const zhVoice: VoiceLike = { name: 'Ting-Ting', lang: 'zh-CN', localService: true, default: false }
const TEXT = '着火了！不要慌张，弯下腰走。'

describe('audio engine with a device voice', () => {
  let store: AudioStore
  beforeEach(() => {
    vi.useFakeTimers()
    store = createAudioStore({ storage: null })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('speaks line by line in the local voice; each subtitle shows when its speech starts', async () => {
    const { speech, spoken } = fakeSpeech([zhVoice])
    const engine = createAudioEngine({ store, speech, lang: 'zh-CN' })
    store.getState().setVolume(0.5)
    let ended = false
    void engine.narrate('intro', TEXT).then(() => {
      ended = true
    })
    expect(engine.lastVoice()).toBe('device')
    expect(spoken.map((u) => [u.text, u.voice?.name, u.volume])).toEqual([['着火了！', 'Ting-Ting', 0.5]])
    expect(store.getState().subtitle).toBeNull()
    spoken[0]!.onstart?.({})
    expect(store.getState().subtitle?.text).toBe('着火了！')
    await vi.advanceTimersByTimeAsync(5000) // slower than reading speed: the line stays until the voice ends it
    expect(store.getState().subtitle?.text).toBe('着火了！')
    spoken[0]!.onend?.({})
    spoken[1]!.onstart?.({})
    expect(store.getState().subtitle?.text).toBe('不要慌张，弯下腰走。')
    spoken[1]!.onend?.({})
    await vi.advanceTimersByTimeAsync(0)
    expect(ended).toBe(true)
    expect(store.getState().subtitle).toBeNull()
    engine.dispose()
  })

  it('uses no device voice when the setting says files or subtitles, or none is local', async () => {
    const cloud: VoiceLike = { ...zhVoice, localService: false }
    for (const [voices, pref] of [
      [[zhVoice], 'files'],
      [[zhVoice], 'subtitles'],
      [[cloud], 'auto'],
    ] as const) {
      const { speech, spoken } = fakeSpeech([...voices])
      store.getState().setVoice(pref)
      const engine = createAudioEngine({ store, speech, lang: 'zh-CN' })
      const p = engine.narrate('intro', TEXT)
      expect(spoken).toEqual([])
      expect(engine.lastVoice()).toBe('subtitles') // no file loaded in these tests
      await vi.advanceTimersByTimeAsync(10_000)
      await p
      engine.dispose()
    }
  })

  it('falls back to reading-time subtitles when the voice never starts', async () => {
    const { speech, calls } = fakeSpeech([zhVoice])
    const engine = createAudioEngine({ store, speech, lang: 'zh-CN' })
    void engine.narrate('intro', TEXT)
    await vi.advanceTimersByTimeAsync(1499)
    expect(store.getState().subtitle).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(calls.cancel).toBe(1)
    expect(engine.lastVoice()).toBe('subtitles')
    await vi.advanceTimersByTimeAsync(1)
    expect(store.getState().subtitle?.text).toBe('着火了！')
    engine.dispose()
  })

  it('muting silences the voice at once and keeps the subtitles going by reading time', async () => {
    const { speech, spoken, calls } = fakeSpeech([zhVoice])
    const engine = createAudioEngine({ store, speech, lang: 'zh-CN' })
    let ended = false
    void engine.narrate('intro', TEXT).then(() => {
      ended = true
    })
    spoken[0]!.onstart?.({})
    store.getState().setMuted(true)
    expect(calls.cancel).toBe(1)
    spoken[0]!.onend?.({}) // a late event from the cancelled utterance changes nothing
    expect(spoken).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().subtitle?.text).toBe('着火了！')
    await vi.advanceTimersByTimeAsync(1200)
    expect(store.getState().subtitle?.text).toBe('不要慌张，弯下腰走。')
    await vi.advanceTimersByTimeAsync(2500)
    expect(ended).toBe(true)
    engine.dispose()
  })

  it('a new narration or dispose cancels the speech', async () => {
    const { speech, spoken, calls } = fakeSpeech([zhVoice])
    const engine = createAudioEngine({ store, speech, lang: 'zh-CN' })
    const first = engine.narrate('a', TEXT)
    spoken[0]!.onstart?.({})
    void engine.narrate('b', '第二段。')
    await expect(first).resolves.toBeUndefined()
    expect(calls.cancel).toBe(1)
    spoken[1]!.onstart?.({})
    expect(store.getState().subtitle).toEqual({ text: '第二段。', cue: 'b' })
    engine.dispose()
    expect(calls.cancel).toBe(2)
    expect(store.getState().subtitle).toBeNull()
  })
})
