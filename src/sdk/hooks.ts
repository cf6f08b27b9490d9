import type { ThreeEvent } from '@react-three/fiber'
import { useContext } from 'react'
import { useStore } from 'zustand'
import type { ExhibitContext, StepDef } from '../core/exhibit-kit.ts'
import type { RunState } from '../core/exhibit-run.ts'
import { ExhibitReactContext, type ExhibitReactValue } from './exhibit-react-context.ts'

function useValue(): ExhibitReactValue {
  const v = useContext(ExhibitReactContext)
  if (!v) throw new Error('Sophora SDK hooks must be used inside an exhibit Scene rendered by the platform')
  return v
}

/** The exhibit's context (t, progress, audio, track, run, emit) inside its Scene. */
export function useExhibit(): ExhibitContext {
  return useValue().ctx
}

export interface RunView {
  state: RunState
  /** the step being played, when phase is 'step' */
  step: StepDef | undefined
  /** true once the current step was answered correctly (its feedback is showing) */
  stepDone: boolean
  /** completed step ids, in order */
  completed: readonly string[]
}

/**
 * The visit's progress, re-rendering on each transition. Use it to animate the scene
 * (e.g. lower the camera once 'stay-low' is completed). Do not call it in useFrame:
 * read `state` in render and keep per-frame work on refs.
 */
export function useRun(): RunView {
  const { run, spec } = useValue()
  const state = useStore(run, (s) => s.state)
  const step = state.phase === 'step' ? spec.steps[state.stepIndex] : undefined
  return { state, step, stepDone: !!state.feedback?.correct && state.phase === 'step', completed: state.completedSteps }
}

/** A step id and the choice a tap on an object makes in that step. */
export type TapPair = readonly [stepId: string, choiceId: string]

/**
 * Choosing from the scene: `const tap = useTapChoice()`, then
 * `<mesh onClick={tap('door', 'door-back-of-hand')} />`. The handler makes the choice only
 * while its step is open and not yet answered, and then stops the event so the object
 * behind does not choose too; otherwise it does nothing and lets the event through. One
 * object can mean different choices in different steps: `tap(['feel-shaking',
 * 'shaking-doorway'], ['wait-until-stops', 'wait-run-now'])`. Pointer events cover
 * mouse, touch and XR controllers alike. The run is read when the tap happens, so the
 * hook adds no re-render.
 */
export function useTapChoice(): (...pairs: [stepId: string, choiceId: string] | TapPair[]) => (e: ThreeEvent<MouseEvent>) => void {
  const { ctx, run, spec } = useValue()
  return (...args) => {
    const pairs: readonly TapPair[] = typeof args[0] === 'string' ? [args as TapPair] : (args as TapPair[])
    // `taps` names what the object is for: the test bridge finds a step's subjects by it
    const handler = (e: ThreeEvent<MouseEvent>) => {
      const s = run.getState().state
      const open = s.phase === 'step' && !s.feedback?.correct ? spec.steps[s.stepIndex]?.id : undefined
      const hit = open === undefined ? undefined : pairs.find(([stepId]) => stepId === open)
      if (!hit) return
      e.stopPropagation()
      ctx.progress.choose(hit[1])
    }
    return Object.assign(handler, { taps: pairs })
  }
}

/** 0..1, a slow breathing pulse for "tap me" hints (about 0.6 Hz, never a strobe); `t` in seconds. */
export function pulse(t: number): number {
  return 0.5 + 0.5 * Math.sin(t * 4)
}
