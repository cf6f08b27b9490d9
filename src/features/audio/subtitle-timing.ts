/**
 * Pure subtitle logic: split a narration text into readable lines and time them, either over the
 * real audio duration or (no audio, muted kiosk) by a children's reading speed. No DOM, no howler.
 */

export interface TimedLine {
  text: string
  /** offset from the start of the narration */
  startMs: number
  durationMs: number
}

export interface SplitOptions {
  /** longest line in CJK characters (a Latin character counts as maxCjk / maxLatin of one) */
  maxCjk?: number
  /** longest line of Latin-script text, in characters */
  maxLatin?: number
}

const DEFAULTS: Required<SplitOptions> = { maxCjk: 22, maxLatin: 60 }
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u
/** Sentence ends. A Latin '.', '!', '?' or ';' only ends a sentence before whitespace (not 3.5 or e.g.x). */
const SENTENCE_END = /([。！？；…]+|[.!?;]+(?=\s|$))([”’"'」』）)]*)/gu
const CLAUSE_END = /([，、：,:]+)([”’"'」』）)]*)/gu

export function isWide(ch: string): boolean {
  return WIDE.test(ch)
}

/** Display width in CJK-character units. */
export function lineWidth(text: string, o: Required<SplitOptions> = DEFAULTS): number {
  let w = 0
  for (const ch of text) w += isWide(ch) ? 1 : o.maxCjk / o.maxLatin
  return w
}

function splitAfter(text: string, re: RegExp): string[] {
  return text
    .replace(re, '$1$2\u0000')
    .split('\u0000')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** Break a piece with no punctuation left: at spaces for Latin text, anywhere between wide characters. */
function hardWrap(text: string, o: Required<SplitOptions>): string[] {
  const lines: string[] = []
  let line = ''
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/gu) ?? []
  for (const tok of tokens) {
    const next = line + tok
    if (line.trim() !== '' && lineWidth(next.trimEnd(), o) > o.maxCjk) {
      lines.push(line.trim())
      line = tok.trimStart()
    } else line = next
  }
  if (line.trim() !== '') lines.push(line.trim())
  return lines
}

/** Greedily pack clauses into lines no wider than maxCjk. */
function pack(clauses: string[], o: Required<SplitOptions>): string[] {
  const lines: string[] = []
  let line = ''
  for (const clause of clauses) {
    const sep = line !== '' && !isWide(line.at(-1) ?? '') ? ' ' : ''
    const joined = line === '' ? clause : line + sep + clause
    if (lineWidth(joined, o) <= o.maxCjk) {
      line = joined
      continue
    }
    if (line !== '') lines.push(line)
    if (lineWidth(clause, o) <= o.maxCjk) line = clause
    else {
      const wrapped = hardWrap(clause, o)
      line = wrapped.pop() ?? ''
      lines.push(...wrapped)
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/**
 * Split narration into subtitle lines: one per sentence (after 。！？；.!?;), long sentences
 * further after ，、：,: and, if still too long, at word or character boundaries.
 */
export function splitSubtitle(text: string, options: SplitOptions = {}): string[] {
  const o = { ...DEFAULTS, ...options }
  const clean = text.replace(/\s+/gu, ' ').trim()
  if (clean === '') return []
  return splitAfter(clean, SENTENCE_END).flatMap((sentence) => (lineWidth(sentence, o) <= o.maxCjk ? [sentence] : pack(splitAfter(sentence, CLAUSE_END), o)))
}

export interface ReadingSpeed {
  /** CJK characters per second */
  cjkPerSecond: number
  /** Latin-script characters (spaces included) per second */
  latinPerSecond: number
  /** no line is shown shorter than this */
  minLineMs: number
}

/** Reading pace of an 8-year-old reader, roughly; used when there is no audio to follow. */
export const READING_SPEED: ReadingSpeed = { cjkPerSecond: 4, latinPerSecond: 14, minLineMs: 1200 }

/** Pause a speaker makes after each line, as a share of the audio (synthesized or recorded). */
const LINE_PAUSE_MS = 300

/** How long reading `line` takes, without the minimum. */
export function readingMs(line: string, speed: ReadingSpeed = READING_SPEED): number {
  let ms = 0
  for (const ch of line) ms += 1000 / (isWide(ch) ? speed.cjkPerSecond : speed.latinPerSecond)
  return ms
}

/**
 * Time lines back to back. With `totalMs` (the audio's duration) each line gets a share
 * proportional to its reading time; without it, its reading time (at least `minLineMs`).
 */
export function timeLines(lines: readonly string[], totalMs?: number, speed: ReadingSpeed = READING_SPEED): TimedLine[] {
  const useAudio = totalMs !== undefined && Number.isFinite(totalMs) && totalMs > 0
  // Speech pauses between sentences whatever their length, so each line carries a fixed pause share.
  const weights = lines.map((l) => Math.max(readingMs(l, speed), 1) + (useAudio ? LINE_PAUSE_MS : 0))
  const sum = weights.reduce((a, b) => a + b, 0)
  let start = 0
  return lines.map((text, i) => {
    const w = weights[i]!
    const durationMs = useAudio ? (w / sum) * totalMs : Math.max(w, speed.minLineMs)
    const line = { text, startMs: Math.round(start), durationMs: Math.round(durationMs) }
    start += durationMs
    return line
  })
}

/** Total length of a timed subtitle track. */
export function trackMs(lines: readonly TimedLine[]): number {
  const last = lines.at(-1)
  return last ? last.startMs + last.durationMs : 0
}
