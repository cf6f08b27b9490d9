/**
 * Keeps characters the font lacks away from troika. For such a character troika asks
 * unicode-font-resolver for a fallback font, and that client downloads from
 * cdn.jsdelivr.net; even a custom `unicodeFontsURL` falls back to that CDN when it fails.
 * So nothing uncovered ever reaches troika: it is replaced by a visible placeholder.
 */

/** Shown instead of a character the font has no glyph for (Noto Sans CJK has no U+FFFD). */
export const MISSING_GLYPH = '?'

export interface GuardedText {
  text: string
  /** Characters that were replaced, unique, in order of appearance. */
  missing: string[]
}

/**
 * Replace characters `covers` rejects with MISSING_GLYPH. Whitespace passes through (troika
 * never looks up whitespace after the first character), except at the very start of the text,
 * where troika does look it up, so uncovered leading whitespace is dropped.
 */
export function guardGlyphs(text: string, covers: (codePoint: number) => boolean): GuardedText {
  let out = ''
  const missing: string[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (covers(cp)) out += ch
    else if (/\s/u.test(ch)) out += out === '' ? '' : ch
    else {
      out += MISSING_GLYPH
      if (!missing.includes(ch)) missing.push(ch)
    }
  }
  return { text: out, missing }
}
