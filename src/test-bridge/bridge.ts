import type { XRStore } from '@react-three/xr'
import type { ExhibitEvent } from '../core/exhibit-kit.ts'
import type { AudioStore } from '../features/audio/index.ts'
import type { Outbox } from '../features/visits/index.ts'
import type { RendererCounts } from '../scene/stage-probe.ts'
import type { FrameHold } from './frame-hold.ts'
import type { LookBridge } from './look.ts'
import type { ScreenBox, ScreenSubject } from './subjects.ts'

/** An exhibit event as the shell recorded it in this page. */
export interface RecordedEvent {
  exhibitId: string
  type: string
  data?: ExhibitEvent['data']
}

/** Reaching into the live 3D stage (mounted on the first exhibit visit). */
export interface SceneBridge {
  xr(): XRStore
  counts(): RendererCounts | null
  /** frames the renderer has drawn (flat or XR): tests wait on frames, not milliseconds */
  frames(): number
  find(name: string): { x: number; y: number; z: number; visible: boolean; data: Record<string, string | number | boolean> } | null
  aim(name: string, from?: [number, number, number]): boolean
  rayHits(name: string, from?: [number, number, number]): string[] | null
  measureFrames(n: number, block?: number): Promise<{ r3f: number[]; plain: number[] }>
  maxTextureSize(): number
  /** mean transparent layers per pixel of the current view (see look-metrics.ts) */
  overdraw(): number
  /** GPU bytes of the scene's textures now */
  textureBytes(): number
  /** the step's subjects (tap targets and objects marked `userData.subject`) on screen, flat mode; `at`: as if the canvas were there */
  subjects(stepId: string, at?: ScreenBox): ScreenSubject[]
  /** the look check's frozen loop and small renders (scripts/look) */
  look: LookBridge
}

/**
 * What dev and e2e builds expose as `window.__sophora` to the end-to-end suite and the
 * bench. Production builds contain none of it: `src/app/main.tsx` imports the installer
 * only when `__SOPHORA_TEST_BRIDGE__` is true, and the constant folds the import away.
 */
export interface SophoraTestBridge extends SceneBridge, FrameHold {
  /** events recorded in this page since it loaded (oldest first) */
  events: RecordedEvent[]
  audio: AudioStore
  outbox: Outbox
  /** Throws from shell code, outside any exhibit (proves crash attribution). */
  throwOutside(kind: 'error' | 'rejection'): void
}

declare global {
  interface Window {
    __sophora?: SophoraTestBridge
  }
}
