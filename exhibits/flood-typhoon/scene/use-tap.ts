import type { ThreeEvent } from '@react-three/fiber'
import { useExhibit } from '@sophora/sdk'
import type { Stage } from './stage.ts'

/**
 * A pointer handler that makes a choice from the scene, only while `stepId` is open and
 * not yet answered. Pointer events cover mouse, touch and XR controllers alike.
 */
export function useTap(stage: Stage): (stepId: string, choiceId: string) => (e: ThreeEvent<MouseEvent>) => void {
  const ctx = useExhibit()
  return (stepId, choiceId) => (e) => {
    if (stage.stepId !== stepId || stage.done) return
    e.stopPropagation()
    ctx.progress.choose(choiceId)
  }
}

/** 0..1, a slow breathing pulse for "tap me" hints (about 0.6 Hz, never a strobe). */
export function pulse(t: number): number {
  return 0.5 + 0.5 * Math.sin(t * 4)
}
