import type { RefObject } from 'react'
import type { Stage } from './stage.ts'

/** `stage` drives what is mounted and visible; `live` is read in useFrame (no re-render). */
export interface PartProps {
  stage: Stage
  live: RefObject<Stage>
}
