/**
 * The browser's speech synthesis, reduced to what the engine needs, so tests can pass a fake and
 * headless browsers (which have no voices) simply report none.
 */
import type { VoiceLike } from './voice-choice.ts'

/** The parts of SpeechSynthesisUtterance we use (event handlers as properties, easy to fake). */
export interface UtteranceLike {
  text: string
  lang: string
  voice: VoiceLike | null
  volume: number
  rate: number
  onstart: ((ev: unknown) => void) | null
  onend: ((ev: unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
}

export interface DeviceSpeech {
  getVoices(): VoiceLike[]
  speak(u: UtteranceLike): void
  cancel(): void
  createUtterance(text: string): UtteranceLike
}

/** The page's speechSynthesis, or null where there is none (jsdom, old WebViews). */
export function browserSpeech(): DeviceSpeech | null {
  const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis
  const Utterance = (globalThis as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance
  if (!synth || !Utterance) return null
  synth.getVoices() // Chromium loads its voice list lazily: ask early so it is there at the first cue
  return {
    getVoices: () => synth.getVoices(),
    speak: (u) => synth.speak(u as unknown as SpeechSynthesisUtterance),
    cancel: () => synth.cancel(),
    createUtterance: (text) => new Utterance(text) as unknown as UtteranceLike,
  }
}
