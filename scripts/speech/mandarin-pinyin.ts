/**
 * Chinese narration text -> the exact input for espeak-ng's `cmn-latn-pinyin` voice: numbered
 * pinyin (tones 1-5, v for ü), one syllable per character, ASCII punctuation that keeps its pause.
 * Pure (pinyin-pro is a pure dictionary lookup), so it is unit-tested and its output is recorded in
 * the narration manifest. Why: espeak-ng 1.51's own `cmn` voice reads the pinyin it makes as
 * English; its pinyin voice reads pinyin correctly when we do the Hanzi step ourselves.
 */
import { pinyin } from 'pinyin-pro'
import { sayNumber } from './chinese-numbers.ts'
import { spellLetters } from './latin-letters.ts'
import { ADVERBIAL_DI, POLYPHONE_OVERRIDES } from './polyphones.ts'

export interface MandarinInput {
  /** what the synthesiser reads: numbered pinyin, ASCII punctuation, one line per sentence */
  input: string
  /** the text as it is said: digits written as Chinese numerals (119 -> 幺幺九) */
  spoken: string
  /** toned syllables the voice must make: one per character of `spoken` plus letter names */
  syllables: number
}

const HAN = /\p{Script=Han}/u
const TOKEN = /(\d+(?:\.\d+)?%?)|([A-Za-z]+)|(\p{Script=Han}+)|(\s+)|([^])/gu
const SYLLABLE = /^[a-z]+[1-5]$/
/**
 * Measured with espeak-ng 1.51 `cmn-latn-pinyin`: ! ? , : and their full-width forms pause, but an
 * ASCII '.' right after a tone digit is taken as part of a number and gives no pause at all; a
 * '.' that ends a line pauses like 。. So every sentence end becomes ASCII + newline.
 */
const SENTENCE_END: Readonly<Record<string, string>> = { '。': '.', '！': '!', '？': '?', '；': ';', '…': '.', '.': '.', '!': '!', '?': '?', ';': ';' }
const CLAUSE: Readonly<Record<string, string>> = {
  '，': ',',
  '、': ',',
  ',': ',',
  '：': ':',
  ':': ':',
  '—': ',',
  '～': ',',
  '~': ',',
  '（': ',',
  '(': ',',
  '）': ',',
  ')': ',',
}
const OVERRIDES = new Map(POLYPHONE_OVERRIDES.map((o) => [o.phrase, o.pinyin]))
const MAX_PHRASE = Math.max(...POLYPHONE_OVERRIDES.map((o) => [...o.phrase].length))

type Piece = { kind: 'han'; text: string } | { kind: 'letters'; syllables: string[] } | { kind: 'punct'; mark: string; end: boolean } | { kind: 'space' }

/** Digits -> Chinese numerals (with context: phone numbers, years, 两个), everything else as it is. */
function pieces(text: string): Piece[] {
  const out: Piece[] = []
  const han = (s: string) => {
    const last = out.at(-1)
    if (last?.kind === 'han') last.text += s
    else out.push({ kind: 'han', text: s })
  }
  for (const m of text.matchAll(TOKEN)) {
    const [all, num, letters, hanzi, space] = m
    const at = m.index
    if (num) han(sayNumber(num, text.slice(Math.max(0, at - 4), at), text.slice(at + all.length)))
    else if (letters) out.push({ kind: 'letters', syllables: spellLetters(letters) })
    else if (hanzi) han(hanzi)
    else if (space) out.push({ kind: 'space' })
    else if (SENTENCE_END[all]) out.push({ kind: 'punct', mark: SENTENCE_END[all], end: true })
    else if (CLAUSE[all]) out.push({ kind: 'punct', mark: CLAUSE[all], end: false })
    else out.push({ kind: 'space' }) // quotes, brackets, symbols: not spoken, no pause of their own
  }
  return out
}

/** pinyin-pro's own reading, one numbered syllable per character, neutral tone as 5 (espeak's). */
export function rawPinyin(run: string): string[] {
  return pinyin(run, { type: 'array', toneType: 'num', v: true }).map((s) => s.replace(/0$/, '5'))
}

/** pinyin-pro's reading of a run of characters, corrected by the override list; one syllable each. */
export function hanziToPinyin(run: string): string[] {
  const chars = [...run]
  const syl = rawPinyin(run)
  if (syl.length !== chars.length) throw new Error(`pinyin-pro returned ${syl.length} syllables for ${chars.length} characters: ${run}`)
  for (const m of run.matchAll(ADVERBIAL_DI)) syl[[...run.slice(0, m.index)].length + 2] = 'de5'
  for (let i = 0; i < chars.length; i++) {
    for (let len = Math.min(MAX_PHRASE, chars.length - i); len >= 2; len--) {
      const fix = OVERRIDES.get(chars.slice(i, i + len).join(''))
      if (!fix) continue
      syl.splice(i, len, ...fix.split(' ')) // later phrases may overlap this one (全部分完 + 完啦)
      break
    }
  }
  syl.forEach((s, i) => {
    if (!SYLLABLE.test(s)) throw new Error(`no pinyin for "${chars[i]}" in "${run}" (got "${s}")`)
  })
  return syl
}

/** Only the digits rewritten: what a reader of the subtitle says aloud. */
export function spokenText(text: string): string {
  return pieces(text)
    .map((p) => (p.kind === 'han' ? p.text : ''))
    .join('')
}

export function toMandarinInput(text: string): MandarinInput {
  const ps = pieces(text)
  let input = ''
  let spoken = ''
  let syllables = 0
  const words = (list: string[]) => {
    input += (input === '' || input.endsWith('\n') ? '' : ' ') + list.join(' ')
    syllables += list.length
  }
  for (const p of ps) {
    if (p.kind === 'han') {
      spoken += p.text
      words(hanziToPinyin(p.text))
    } else if (p.kind === 'letters') words(p.syllables)
    else if (p.kind === 'punct' && input !== '' && !/[\s,:.!?;]$/.test(input)) input += p.end ? `${p.mark}\n` : p.mark
  }
  for (const c of spoken) if (!HAN.test(c)) throw new Error(`unexpected character in spoken text: ${c}`)
  return { input: input.trimEnd(), spoken, syllables }
}
