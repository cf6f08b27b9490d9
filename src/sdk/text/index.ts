/** 3D text for the scene layer: offline, CJK + Latin, one subset font. See docs/cjk-text.md. */
export { Label3D, preloadLabelFont, type Label3DProps } from './label-3d.tsx'
export { LABEL_FONT_URL, LABEL_FONT_FAMILY, LABEL_SDF_GLYPH_SIZE, labelFontCovers } from './label-font.ts'
export { MISSING_GLYPH, guardGlyphs, type GuardedText } from './glyph-guard.ts'
