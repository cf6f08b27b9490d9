// troika-three-text 0.52 ships no "types" entry; this declares only what src/sdk/text uses.
declare module 'troika-three-text' {
  import type { Mesh } from 'three'

  /** troika's SDF text mesh (what drei `<Text>` renders and forwards its ref to). */
  export class Text extends Mesh {
    text: string
    font: string | null
    fontSize: number
    sync(callback?: () => void): void
    dispose(): void
  }

  export interface TextBuilderConfig {
    defaultFontURL?: string | null
    unicodeFontsURL?: string | null
    sdfGlyphSize?: number
    sdfMargin?: number
    sdfExponent?: number
    textureWidth?: number
    useWorker?: boolean
  }
  /** Applies only before the first font request; later calls are ignored with a warning. */
  export function configureTextBuilder(config: TextBuilderConfig): void

  export function preloadFont(options: { font?: string; characters?: string | string[]; sdfGlyphSize?: number }, callback: () => void): void
}
