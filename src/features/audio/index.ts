/**
 * Audio for exhibits: narration with timed subtitles, sound effects, mute and volume,
 * unlock-on-first-tap. See docs/audio.md.
 */
export { createAudioStore, useAudioStore, readAudioPrefs, AudioPrefsSchema, DEFAULT_AUDIO_PREFS, AUDIO_PREFS_KEY } from './audio-store.ts'
export type { AudioState, AudioStore, AudioPrefs, AudioStoreOptions, PrefsStorage, Subtitle } from './audio-store.ts'
export { createAudioEngine } from './create-audio-engine.ts'
export type { AudioEngine, AudioEngineOptions, NarrationSource, SfxOptions } from './create-audio-engine.ts'
export { chooseVoice, pickDeviceVoice, VoicePrefSchema } from './voice-choice.ts'
export type { VoicePref, VoiceSource, VoiceLike, CueVoices } from './voice-choice.ts'
export { browserSpeech } from './device-speech.ts'
export type { DeviceSpeech, UtteranceLike } from './device-speech.ts'
export type { LoadResult } from './sound-bank.ts'
export { splitSubtitle, timeLines, trackMs, readingMs, READING_SPEED } from './subtitle-timing.ts'
export type { TimedLine, SplitOptions, ReadingSpeed } from './subtitle-timing.ts'
export { AudioStoreContext, useAudioStoreApi } from './audio-context.ts'
export { SubtitleBar } from './subtitles.tsx'
export type { SubtitleBarProps } from './subtitles.tsx'
export { AudioControls } from './audio-controls.tsx'
export type { AudioControlsProps } from './audio-controls.tsx'
