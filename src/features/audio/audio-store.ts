import { z } from 'zod'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { VoicePrefSchema, type VoicePref } from './voice-choice.ts'

export const SubtitleSizeSchema = z.enum(['normal', 'large'])
export type SubtitleSize = z.infer<typeof SubtitleSizeSchema>

/** What is remembered across visits on this station: mute, volume, voice and subtitle size. */
export const AudioPrefsSchema = z
  .object({
    muted: z.boolean(),
    volume: z.number().min(0).max(1),
    /** prefs saved before the voice setting existed read back as 'auto' (mute and volume are kept) */
    voice: VoicePrefSchema.default('auto'),
    /** larger subtitles for those who read them from further away or see less well (older prefs: normal) */
    subtitleSize: SubtitleSizeSchema.default('normal'),
  })
  .strict()
export type AudioPrefs = z.infer<typeof AudioPrefsSchema>

export const DEFAULT_AUDIO_PREFS: AudioPrefs = { muted: false, volume: 0.8, voice: 'auto', subtitleSize: 'normal' }
export const AUDIO_PREFS_KEY = 'sophora.audio.v1'

/** The subtitle line on screen now, and the narration cue it belongs to. */
export interface Subtitle {
  text: string
  cue: string
}

export interface AudioState extends AudioPrefs {
  /** true once the browser let us start audio (first tap/key on the station) */
  unlocked: boolean
  subtitle: Subtitle | null
  setMuted(muted: boolean): void
  toggleMuted(): void
  /** clamped to 0..1; non-numbers are ignored */
  setVolume(volume: number): void
  /** which voice narrates: see chooseVoice; invalid values are ignored */
  setVoice(voice: VoicePref): void
  /** invalid values are ignored */
  setSubtitleSize(size: SubtitleSize): void
  setUnlocked(unlocked: boolean): void
  setSubtitle(subtitle: Subtitle | null): void
}
export type AudioStore = StoreApi<AudioState>

/** The part of Web Storage we use; tests and private-mode browsers may pass their own or none. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>

export interface AudioStoreOptions {
  /** default: globalThis.localStorage when it exists and works; null: remember nothing */
  storage?: PrefsStorage | null
  key?: string
}

function defaultStorage(): PrefsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // access itself throws when storage is disabled
  }
}

/** Read prefs back; anything missing, malformed or out of range gives the defaults. */
export function readAudioPrefs(storage: PrefsStorage | null, key = AUDIO_PREFS_KEY): AudioPrefs {
  try {
    const raw = storage?.getItem(key)
    if (raw == null) return { ...DEFAULT_AUDIO_PREFS }
    const parsed = AudioPrefsSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : { ...DEFAULT_AUDIO_PREFS }
  } catch {
    return { ...DEFAULT_AUDIO_PREFS }
  }
}

function writeAudioPrefs(storage: PrefsStorage | null, key: string, prefs: AudioPrefs): void {
  try {
    storage?.setItem(key, JSON.stringify(prefs))
  } catch {
    // quota or disabled storage: the setting still applies for this session
  }
}

/**
 * The audio store: plain zustand (no React). Mute, volume, voice and subtitle size persist; `unlocked` and
 * `subtitle` live only for this page.
 */
export function createAudioStore(options: AudioStoreOptions = {}): AudioStore {
  const storage = options.storage === undefined ? defaultStorage() : options.storage
  const key = options.key ?? AUDIO_PREFS_KEY
  const store = createStore<AudioState>()((set, get) => ({
    ...readAudioPrefs(storage, key),
    unlocked: false,
    subtitle: null,
    setMuted: (muted) => set({ muted }),
    toggleMuted: () => set({ muted: !get().muted }),
    setVolume: (volume) => {
      if (typeof volume !== 'number' || Number.isNaN(volume)) return
      set({ volume: Math.min(1, Math.max(0, volume)) })
    },
    setVoice: (voice) => {
      if (VoicePrefSchema.safeParse(voice).success) set({ voice })
    },
    setSubtitleSize: (subtitleSize) => {
      if (SubtitleSizeSchema.safeParse(subtitleSize).success) set({ subtitleSize })
    },
    setUnlocked: (unlocked) => set({ unlocked }),
    setSubtitle: (subtitle) => set({ subtitle }),
  }))
  store.subscribe((s, prev) => {
    if (s.muted !== prev.muted || s.volume !== prev.volume || s.voice !== prev.voice || s.subtitleSize !== prev.subtitleSize)
      writeAudioPrefs(storage, key, { muted: s.muted, volume: s.volume, voice: s.voice, subtitleSize: s.subtitleSize })
  })
  return store
}

/** React binding: subscribe a component to a slice of an audio store. */
export function useAudioStore<T>(store: AudioStore, selector: (s: AudioState) => T): T {
  return useStore(store, selector)
}
