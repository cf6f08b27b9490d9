// webxr-polyfill 2.0.3 ships no types. Only what src/scene/cardboard uses is declared;
// option names follow node_modules/webxr-polyfill/src/WebXRPolyfill.js (CONFIG_DEFAULTS)
// and cardboard-vr-display's options (bundled in build/webxr-polyfill.module.js).
declare module 'webxr-polyfill' {
  /** A Cardboard viewer (lens) profile, as cardboard-vr-display's CardboardViewer takes it. */
  export interface CardboardViewerProfile {
    id: string
    label: string
    /** Per-eye field of view, degrees. */
    fov: number
    interLensDistance: number
    baselineLensDistance: number
    screenLensDistance: number
    distortionCoefficients: number[]
    inverseCoefficients: number[]
  }

  /** cardboard-vr-display options (UPPER_CASE, as that library spells them). */
  export interface CardboardConfig {
    ADDITIONAL_VIEWERS?: CardboardViewerProfile[]
    DEFAULT_VIEWER?: string
    MOBILE_WAKE_LOCK?: boolean
    DEBUG?: boolean
    /** Where to fetch the device parameter DB; a falsy value keeps the copy bundled in the polyfill. */
    DPDB_URL?: string | false | null
    K_FILTER?: number
    PREDICTION_TIME_S?: number
    CARDBOARD_UI_DISABLED?: boolean
    ROTATE_INSTRUCTIONS_DISABLED?: boolean
    YAW_ONLY?: boolean
    BUFFER_SCALE?: number
    DIRTY_SUBMIT_FRAME_BINDINGS?: boolean
  }

  export interface WebXRPolyfillConfig {
    global?: typeof globalThis
    webvr?: boolean
    cardboard?: boolean
    cardboardConfig?: CardboardConfig | null
    allowCardboardOnDesktop?: boolean
  }

  export default class WebXRPolyfill {
    constructor(config?: WebXRPolyfillConfig)
    readonly config: Readonly<WebXRPolyfillConfig>
    readonly nativeWebXR: boolean
    readonly injected: boolean
  }
}
