import type { ThreeEvent } from '@react-three/fiber'
import { useContext, useMemo, type DependencyList } from 'react'
import { useStore } from 'zustand'
import type { ExhibitContext, StepDef } from '../core/exhibit-kit.ts'
import type { RunState } from '../core/exhibit-run.ts'
import { ExhibitReactContext, type ExhibitReactValue } from './exhibit-react-context.ts'

function useValue(): ExhibitReactValue {
  const v = useContext(ExhibitReactContext)
  if (!v) throw new Error('Sophora SDK hooks must be used inside an exhibit Scene rendered by the platform')
  return v
}

/**
 * The exhibit's context (t, progress, audio, track, run) inside its Scene and its parts.
 * Give it the type of a locale file and `ctx.t` takes only that file's keys, so a typo or a
 * key not yet written is a type error (`npm run typecheck`):
 * @example
 * // with, at the top of the file, `import type zh` of the exhibit's locales/zh-CN.json:
 * const ctx = useExhibit<typeof zh>()
 * ctx.t('scene.exit')       // ok
 * ctx.t('scene.exitt')      // type error: not a key of locales/zh-CN.json
 * For a key built at run time, check it against the table: ``ctx.t(`bin.${b}` as keyof typeof zh)``.
 */
export function useExhibit<L extends object = Record<string, string>>(): ExhibitContext<Extract<keyof L, string>> {
  return useValue().ctx
}

/**
 * A three.js object (geometry, material, texture, render target) made once for this visit
 * and disposed when the exhibit exits: `useMemo(() => ctx.track(create()), deps)` in one call.
 * Changing `deps` makes a new one; earlier ones are disposed at exit too. Never create
 * disposables in render without it (or `ctx.track`): they would leak GPU memory per visit.
 * @example const shell = useTracked(() => mergeBoxes(roomParts()))
 */
export function useTracked<T extends { dispose(): void }>(create: () => T, deps: DependencyList = []): T {
  const { ctx } = useValue()
  // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps -- a caller-given list, as useMemo itself takes: `create` is a fresh closure each render, `deps` says when it changes
  return useMemo(() => ctx.track(create()), [ctx, ...deps])
}

/** What useRun returns. */
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
