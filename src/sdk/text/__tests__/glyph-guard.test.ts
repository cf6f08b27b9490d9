import { describe, expect, it } from 'vitest'
import { MISSING_GLYPH, guardGlyphs } from '../glyph-guard.ts'

const covers = (cp: number) => '火灾 Fire\u3000'.includes(String.fromCodePoint(cp))

describe('guardGlyphs', () => {
  it('keeps covered text as it is', () => {
    expect(guardGlyphs('火灾 Fire', covers)).toEqual({ text: '火灾 Fire', missing: [] })
  })
  it('replaces what the font lacks, astral characters included, and lists each once', () => {
    expect(guardGlyphs('火龘灾🔥龘', covers)).toEqual({ text: `火${MISSING_GLYPH}灾${MISSING_GLYPH}${MISSING_GLYPH}`, missing: ['龘', '🔥'] })
  })
  it('passes line breaks through but drops uncovered leading whitespace (troika looks that one up)', () => {
    expect(guardGlyphs('\n火\n灾\t', covers).text).toBe('火\n灾\t')
  })
})
