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
