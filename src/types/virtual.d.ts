declare module 'virtual:sophora/exhibits' {
  export const manifests: Record<string, unknown>
  export const locales: Record<string, () => Promise<unknown>>
  export const modules: Record<string, () => Promise<unknown>>
  /** path of each narration mp3 -> its URL */
  export const narration: Record<string, string>
  /** keys of `narration` whose mp3 a person recorded (narration manifest `recorded: true`) */
  export const recordedNarration: string[]
  /** dev server: problems of every exhibit folder checked on disk (manifest, locales, sources); builds: [] */
  export const problems: import('../core/validate.ts').ExhibitProblem[]
}

/** true in dev and e2e builds: the IWER XR emulator may be injected. */
declare const __SOPHORA_EMULATOR__: boolean

/** true in dev and e2e builds: `window.__sophora` (src/test-bridge) is installed for tests and the bench. */
declare const __SOPHORA_TEST_BRIDGE__: boolean

declare module 'virtual:sophora-center' {
  import type { CenterProfile } from '../core/center-profile.ts'
  /** The center profile chosen at build time (centers/<SOPHORA_CENTER>.json). */
  const profile: CenterProfile
  export default profile
}

declare module 'virtual:sophora/cover-placeholders' {
  /** exhibit id -> the picture the build made for each exhibit folder without its author's cover: its approved first step, a rendered one, or a placeholder (src/build/covers-plugin.ts) */
  const placeholders: Record<string, string>
  export default placeholders
}
