declare module 'virtual:sophora/exhibits' {
  export const manifests: Record<string, unknown>
  export const locales: Record<string, () => Promise<unknown>>
  export const modules: Record<string, () => Promise<unknown>>
  /** path of each narration mp3 -> its URL */
  export const narration: Record<string, string>
  /** keys of `narration` whose mp3 a person recorded (narration manifest `recorded: true`) */
  export const recordedNarration: string[]
}

/** true in dev and e2e builds: the IWER XR emulator may be injected. */
declare const __SOPHORA_EMULATOR__: boolean
