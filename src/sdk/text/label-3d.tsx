import { Children, createContext, forwardRef, isValidElement, useContext, useMemo, type ComponentProps, type ComponentType, type ReactNode } from 'react'
import { Text } from '@react-three/drei'
import { preloadFont, type Text as TroikaText } from 'troika-three-text'
import { guardGlyphs } from './glyph-guard.ts'
import { LABEL_FONT_URL, LABEL_SDF_GLYPH_SIZE, labelFontCovers } from './label-font.ts'

export { LABEL_FONT_URL }

/** drei `<Text>` props, minus `font`: a label always uses the local subset font. */
export type Label3DProps = Omit<ComponentProps<typeof Text>, 'font' | 'ref'>

const warned = new Set<string>()

function splitChildren(children: ReactNode): [string, ReactNode[]] {
  let text = ''
  const nodes: ReactNode[] = []
  Children.forEach(children, (child) => {
    if (typeof child === 'string' || typeof child === 'number') text += child
    else if (isValidElement(child)) nodes.push(child)
  })
  return [text, nodes]
}

/**
 * Text in the 3D scene (prompts, buttons, subtitles), zh-CN and English, offline.
 *
 * A thin wrapper on drei `<Text>` (troika SDF text) that always uses Sophora's subset font and
 * never lets troika fetch a fallback font: a character the font lacks renders as '?' and is
 * reported once in the console (the build makes the font from every locale string and fails on
 * a character the full font lacks, so this shows only for text in no locale file). Units are
 * scene units (metres in VR). Defaults suit CJK: 1.4 line height, wrap anywhere once a line is full
 * (Chinese has no spaces to break at), about 20 characters per line, a dark outline so text
 * reads on any background. Every drei `<Text>` prop may be overridden; the ref is troika's mesh.
 */
export const Label3D = forwardRef<TroikaText, Label3DProps>(function Label3D(props, ref) {
  const Stand = useContext(Label3DStandIn)
  return Stand ? <Stand {...props} /> : <TroikaLabel ref={ref} {...props} />
})

/**
 * Renders instead of every Label3D below it: `@sophora/sdk/testing` sets it, since troika needs
 * real WebGL and font files. Not for exhibits.
 */
export const Label3DStandIn = createContext<ComponentType<Label3DProps> | null>(null)

const TroikaLabel = forwardRef<TroikaText, Label3DProps>(function TroikaLabel({ children, fontSize = 0.1, maxWidth, ...props }, ref) {
  const [raw, nodes] = useMemo(() => splitChildren(children), [children])
  const text = useMemo(() => {
    const guarded = guardGlyphs(raw, labelFontCovers)
    const fresh = guarded.missing.filter((ch) => !warned.has(ch))
    if (fresh.length) {
      fresh.forEach((ch) => warned.add(ch))
      console.warn(`[Label3D] no glyph for ${fresh.map((c) => `"${c}"`).join(' ')} in sophora-sc: put the text in a locale file (the font is made from them)`)
    }
    return guarded.text
  }, [raw])
  return (
    <Text
      ref={ref}
      font={LABEL_FONT_URL}
      fontSize={fontSize}
      maxWidth={maxWidth ?? fontSize * 20}
      lineHeight={1.4}
      textAlign="center"
      anchorX="center"
      anchorY="middle"
      overflowWrap="break-word"
      color="#ffffff"
      outlineWidth="6%"
      outlineColor="#0b0f14"
      outlineOpacity={0.85}
      sdfGlyphSize={LABEL_SDF_GLYPH_SIZE}
      {...props}
    >
      {text}
      {nodes}
    </Text>
  )
})

/**
 * Load and parse the label font (and build the SDF glyphs of `characters`, if given) before
 * the first label mounts, so a loading screen can wait for it and text does not pop in.
 * Rejects after `timeoutMs`: troika only logs a font that fails to load and never calls back.
 */
export function preloadLabelFont(characters = '', { timeoutMs = 20_000 } = {}): Promise<void> {
  const { text } = guardGlyphs(characters, labelFontCovers)
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`label font did not load: ${LABEL_FONT_URL}`)), timeoutMs)
    preloadFont({ font: LABEL_FONT_URL, characters: text || ' ', sdfGlyphSize: LABEL_SDF_GLYPH_SIZE }, () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
