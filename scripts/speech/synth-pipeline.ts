/**
 * How a narration cue is synthesised: the espeak-ng arguments and the exact stdin. The generator
 * writes audio with it and the check reads phonemes (-q -x) with the very same arguments and input,
 * so what is checked is what was heard. `synth` ids are recorded per cue in the narration manifest;
 * change a setting here and bump the id so every synthesised cue is made again.
 */
import type { Lang } from '../../src/core/manifest-schema.ts'
import { toMandarinInput } from './mandarin-pinyin.ts'

export interface SpeechPlan {
  /** pipeline id recorded in the narration manifest */
  synth: string
  /** espeak-ng arguments except the output ones (-w FILE, or -q -x) */
  args: string[]
  /** exactly what espeak-ng reads on stdin */
  stdin: string
  /** recorded in the manifest when it differs from the subtitle (zh-CN: the pinyin) */
  input?: string
  /** zh-CN: toned syllables the voice must produce (one per character said, plus letter names) */
  syllables?: number
}

export const SAMPLE_RATE = 22050
/** MPEG-2 layer III bitrates usable at 22.05 kHz, best first; the first that fits 60 KB wins. */
export const BITRATES = [32, 24, 16]
const SOX = `sox:${SAMPLE_RATE}/${BITRATES.join(',')}`

/**
 * Mandarin: pinyin voice, 160 wpm (about 3.9 syllables a second with pauses), pitch 60 and the
 * pitch range doubled. Measured on "同学们好！今天我们来练习火灾逃生…": espeak's default range
 * spans 4.3 semitones (76-98 Hz, 5th-95th percentile), which flattens the four tones;
 * range +100% spans 8.6 (65-107 Hz, +150% gives no more) and -p 60 lifts it off a creaky 65 Hz
 * floor to 76-117 Hz (7.5 semitones).
 */
const ZH = { voice: 'cmn-latn-pinyin', wpm: 160, pitch: 60, range: '+100%' }
export const ZH_SYNTH = `espeak-ng:${ZH.voice}@${ZH.wpm},p${ZH.pitch},range${ZH.range}+pinyin-pro+${SOX}/v2`
/** English is unchanged since v1 (so its files are not regenerated). */
const EN = { voice: 'en-us', wpm: 150 }
export const EN_SYNTH = `espeak-ng:${EN.voice}@${EN.wpm}+${SOX}/v1`

/** Pipeline ids whose zh-CN output is known bad: espeak-ng 1.51 `-v cmn` reads pinyin as English. */
export const LEGACY_CMN = /^espeak-ng:cmn@(\d+)\+/

function mandarinPlan(input: string, syllables: number): SpeechPlan {
  return {
    synth: ZH_SYNTH,
    args: ['-v', ZH.voice, '-s', String(ZH.wpm), '-p', String(ZH.pitch), '-m', '--stdin'],
    // pinyin and ASCII punctuation only, so nothing needs escaping inside the SSML
    stdin: `<speak><prosody range="${ZH.range}">${input}</prosody></speak>`,
    input,
    syllables,
  }
}

export function planSpeech(lang: Lang, text: string): SpeechPlan {
  if (lang === 'en') return { synth: EN_SYNTH, args: ['-v', EN.voice, '-s', String(EN.wpm), '--stdin'], stdin: text }
  const { input, syllables } = toMandarinInput(text)
  return mandarinPlan(input, syllables)
}

/**
 * How a cue recorded under `synth` was synthesised, rebuilt for checking: the current pipeline
 * from the recorded input, or the retired `cmn` one (which read the raw subtitle text).
 * `syllables` always comes from the subtitle text as it is now. null: an unknown id.
 */
export function recordedPlan(lang: Lang, synth: string, text: string, input: string | undefined): SpeechPlan | null {
  const current = planSpeech(lang, text)
  if (synth !== current.synth) {
    const legacy = lang === 'zh-CN' ? LEGACY_CMN.exec(synth) : null
    return legacy ? { synth, args: ['-v', 'cmn', '-s', legacy[1]!, '--stdin'], stdin: text, syllables: current.syllables } : null
  }
  return lang === 'zh-CN' && input !== undefined ? mandarinPlan(input, current.syllables ?? 0) : current
}
