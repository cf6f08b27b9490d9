import type { ThreeEvent } from '@react-three/fiber'
import { useExhibit } from '@sophora/sdk'
import type { Stage } from './stage.ts'

export type TapPair = readonly [stepId: string, choiceId: string]

/**
 * A pointer handler that makes a choice from the scene, only while its step is open and
 * not yet answered. One object can mean different choices in different steps (the door
 * is the doorway while it shakes, the way out afterwards). Pointer events cover mouse,
 * touch and XR controllers alike.
 */
export function useTap(stage: Stage): (...pairs: TapPair[]) => (e: ThreeEvent<MouseEvent>) => void {
  const ctx = useExhibit()
  return (...pairs) => (e) => {
    if (stage.done) return
    const hit = pairs.find(([stepId]) => stepId === stage.stepId)
    if (!hit) return
    e.stopPropagation()
    ctx.progress.choose(hit[1])
  }
}

/** 0..1, a slow breathing pulse for "tap me" hints (about 0.6 Hz, never a strobe). */
export function pulse(t: number): number {
  return 0.5 + 0.5 * Math.sin(t * 4)
}
