import type { RefObject } from 'react'
import type { Stage } from './stage.ts'

/** `stage` drives what is mounted and visible; `live` is read in useFrame (no re-render). */
export interface PartProps {
  stage: Stage
  live: RefObject<Stage>
}

/** Per-frame values shared by the parts, written by the scene root each frame. */
export interface Motion {
  /** eased shaking, 0..1 */
  shake: number
  /** seconds of shaking so far (drives the falling objects; reset on intro) */
  quakeT: number
  /** 1, or less when the visitor asked for reduced motion: scales the shaking world, lamps and rattling glass */
  calm: number
}
