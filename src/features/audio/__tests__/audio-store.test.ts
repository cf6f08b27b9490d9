// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { AUDIO_PREFS_KEY, createAudioStore, DEFAULT_AUDIO_PREFS } from '../audio-store.ts'

describe('audio store', () => {
  beforeEach(() => localStorage.clear())

  it('starts from defaults and persists mute and volume to localStorage', () => {
    const store = createAudioStore()
    expect(store.getState()).toMatchObject({ ...DEFAULT_AUDIO_PREFS, unlocked: false, subtitle: null })
    store.getState().toggleMuted()
    store.getState().setVolume(0.35)
    expect(JSON.parse(localStorage.getItem(AUDIO_PREFS_KEY)!)).toEqual({ muted: true, volume: 0.35, voice: 'auto', subtitleSize: 'normal' })
    expect(createAudioStore().getState()).toMatchObject({ muted: true, volume: 0.35 })
  })

  it('persists the voice setting, ignores unknown values, and keeps mute/volume saved before it existed', () => {
    localStorage.setItem(AUDIO_PREFS_KEY, JSON.stringify({ muted: true, volume: 0.4 }))
    const store = createAudioStore()
    expect(store.getState()).toMatchObject({ muted: true, volume: 0.4, voice: 'auto' })
    store.getState().setVoice('files')
    store.getState().setVoice('robot' as never)
    expect(JSON.parse(localStorage.getItem(AUDIO_PREFS_KEY)!)).toEqual({ muted: true, volume: 0.4, voice: 'files', subtitleSize: 'normal' })
    expect(createAudioStore().getState().voice).toBe('files')
  })

  it('remembers larger subtitles and ignores unknown sizes', () => {
    const store = createAudioStore()
    store.getState().setSubtitleSize('large')
    store.getState().setSubtitleSize('huge' as never)
    expect(store.getState().subtitleSize).toBe('large')
    expect(createAudioStore().getState().subtitleSize).toBe('large')
    store.getState().setSubtitleSize('normal')
    expect(createAudioStore().getState().subtitleSize).toBe('normal')
  })

  it('does not persist the subtitle or the unlocked flag', () => {
    const store = createAudioStore()
    store.getState().setSubtitle({ text: '着火了！', cue: 'intro' })
    store.getState().setUnlocked(true)
    expect(localStorage.getItem(AUDIO_PREFS_KEY)).toBeNull()
    expect(createAudioStore().getState()).toMatchObject({ subtitle: null, unlocked: false })
  })

  it.each([
    ['not JSON', '{muted: tru'],
    ['wrong types', JSON.stringify({ muted: 'yes', volume: 0.5 })],
    ['volume out of range', JSON.stringify({ muted: true, volume: 7 })],
    ['a bare number', '42'],
    ['null', 'null'],
    ['extra keys', JSON.stringify({ muted: true, volume: 0.5, hack: 1 })],
    ['unknown voice', JSON.stringify({ muted: true, volume: 0.5, voice: 'robot' })],
    ['unknown subtitle size', JSON.stringify({ muted: true, volume: 0.5, subtitleSize: 'huge' })],
  ])('recovers from a corrupted value (%s) with the defaults and overwrites it on change', (_, raw) => {
    localStorage.setItem(AUDIO_PREFS_KEY, raw)
    const store = createAudioStore()
    expect(store.getState()).toMatchObject(DEFAULT_AUDIO_PREFS)
    store.getState().setMuted(true)
    expect(JSON.parse(localStorage.getItem(AUDIO_PREFS_KEY)!)).toEqual({ ...DEFAULT_AUDIO_PREFS, muted: true })
  })

  it('clamps the volume and ignores NaN', () => {
    const store = createAudioStore()
    store.getState().setVolume(1.5)
    expect(store.getState().volume).toBe(1)
    store.getState().setVolume(-1)
    expect(store.getState().volume).toBe(0)
    store.getState().setVolume(Number.NaN)
    expect(store.getState().volume).toBe(0)
  })

  it('keeps working when storage throws (private mode, quota)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('quota')
      },
    }
    const store = createAudioStore({ storage: broken })
    expect(store.getState()).toMatchObject(DEFAULT_AUDIO_PREFS)
    store.getState().setMuted(true)
    expect(store.getState().muted).toBe(true)
  })

  it('with storage: null remembers nothing', () => {
    createAudioStore({ storage: null }).getState().setMuted(true)
    expect(localStorage.getItem(AUDIO_PREFS_KEY)).toBeNull()
  })
})
