import { configureTextBuilder } from 'troika-three-text'
// Made by the build from every locale and manifest string (src/build/font-plugin.ts): never committed
import fontUrl from '@sophora/font/sophora-sc.woff?url'
import charset from '@sophora/font/sophora-sc.charset.txt?raw'

/**
 * URL of Sophora's subset font for 3D text (WOFF 1: troika parses it, WOFF2 it cannot).
 * Made by every build and dev start from every locale and manifest string; served by Vite, never a CDN.
 */
export const LABEL_FONT_URL: string = fontUrl

/** CSS family name of the same glyphs for the DOM (see font-face.css). */
export const LABEL_FONT_FAMILY = 'Sophora SC'

/**
 * SDF texel size per glyph. 64 (troika's default) keeps hanzi strokes crisp at label and
 * subtitle sizes; dense characters at very large sizes may want 128 (4x atlas memory).
 */
export const LABEL_SDF_GLYPH_SIZE = 64

/**
 * Troika resolves fonts per request as [defaultFontURL, the text's own font]. With no default,
 * any `<Text>` lacking a `font` prop goes to unicode-font-resolver, which downloads fonts from
 * cdn.jsdelivr.net. Pointing the default at our font keeps every troika text in the app local.
 * This runs when this module is first imported, before any text can have been requested.
 */
configureTextBuilder({ defaultFontURL: LABEL_FONT_URL, sdfGlyphSize: LABEL_SDF_GLYPH_SIZE })

const covered = new Set<number>()
for (const ch of charset.replace(/\n$/, '')) covered.add(ch.codePointAt(0)!)

/** Whether the subset font has a glyph for this code point. */
export function labelFontCovers(codePoint: number): boolean {
  return covered.has(codePoint)
}
