/**
 * Which voice speaks a narration cue: pure, so the preference order is unit-tested.
 * Order in 'auto': a recorded file (a person reading) -> the device's own voice (speechSynthesis,
 * an installed local voice for the language) -> the generated file (espeak-ng) -> subtitles only.
 */
import { z } from 'zod'

export const VoicePrefSchema = z.enum(['auto', 'files', 'device', 'subtitles'])
/** Station setting. auto: the order above; files: only mp3s; device: the device voice first; subtitles: silent. */
export type VoicePref = z.infer<typeof VoicePrefSchema>
export type VoiceSource = 'recorded' | 'device' | 'generated' | 'subtitles'

export interface CueVoices {
  /** the cue's mp3, if it is loaded or still loading (a failed file counts as none) */
  file: 'recorded' | 'generated' | null
  /** a local device voice exists for the visitor's language */
  device: boolean
}

export function chooseVoice(pref: VoicePref, cue: CueVoices): VoiceSource {
  switch (pref) {
    case 'subtitles':
      return 'subtitles'
    case 'files':
      return cue.file ?? 'subtitles'
    case 'device':
      return cue.device ? 'device' : (cue.file ?? 'subtitles')
    case 'auto':
      return cue.file === 'recorded' ? 'recorded' : cue.device ? 'device' : (cue.file ?? 'subtitles')
  }
}

/** The parts of SpeechSynthesisVoice we use. */
export interface VoiceLike {
  name: string
  lang: string
  localService: boolean
  default: boolean
}

/**
 * Rank of a BCP 47 tag for our language; 0 = unusable. zh-CN takes Mainland Mandarin tags only
 * (a zh-TW or zh-HK voice reads Traditional text or Cantonese); en takes any English, en-US first
 * (the generated English is American).
 */
function rank(tag: string, lang: string): number {
  const t = tag.toLowerCase().replace(/_/g, '-')
  if (lang === 'zh-CN') return /^(zh|cmn)(-hans)?-cn$/.test(t) ? 3 : /^(zh|cmn)(-hans)?$/.test(t) ? 1 : 0
  if (lang === 'en') return t === 'en-us' ? 3 : t.startsWith('en-') || t === 'en' ? 2 : 0
  return t === lang.toLowerCase() ? 3 : 0
}

/**
 * The device voice to use for `lang`, or null. Only `localService` voices: a network voice sends
 * the text to a cloud service and stops when the center's network does.
 */
export function pickDeviceVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
  let best: V | null = null
  let bestScore = 0
  for (const v of voices) {
    const r = v.localService ? rank(v.lang, lang) : 0
    const score = r === 0 ? 0 : r * 2 + (v.default ? 1 : 0)
    if (score > bestScore) {
      best = v
      bestScore = score
    }
  }
  return best
}
