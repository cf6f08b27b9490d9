declare module 'virtual:sophora/exhibits' {
  export const manifests: Record<string, unknown>
  export const locales: Record<string, () => Promise<unknown>>
  export const modules: Record<string, () => Promise<unknown>>
  /** path of each narration mp3 -> its URL */
  export const narration: Record<string, string>
}

/** true in dev and e2e builds: the IWER XR emulator may be injected. */
declare const __SOPHORA_EMULATOR__: boolean

declare module 'virtual:sophora-center' {
  import type { CenterProfile } from '../core/center-profile.ts'
  /** The center profile chosen at build time (centers/<SOPHORA_CENTER>.json). */
  const profile: CenterProfile
  export default profile
}
