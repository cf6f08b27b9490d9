import { createStore, type StoreApi } from 'zustand/vanilla'
import { initialRun, reduceRun, type RunAction, type RunSpec, type RunState } from './exhibit-run.ts'

export interface RunSlice {
  state: RunState
  dispatch(a: RunAction): void
}
export type RunStore = StoreApi<RunSlice>

/** One store per visit of an exhibit; `onChange` sees every real transition (for events). */
export function createRunStore(spec: RunSpec, onChange?: (next: RunState, prev: RunState, a: RunAction) => void, now: () => number = Date.now): RunStore {
  return createStore<RunSlice>()((set, get) => ({
    state: initialRun(now()),
    dispatch(a) {
      const prev = get().state
      const next = reduceRun(spec, prev, a)
      if (next === prev) return
      set({ state: next })
      onChange?.(next, prev, a)
    },
  }))
}
