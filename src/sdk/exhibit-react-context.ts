import { createContext } from 'react'
import type { ExhibitContext } from '../core/exhibit-kit.ts'
import type { RunSpec } from '../core/exhibit-run.ts'
import type { RunStore } from '../core/run-store.ts'

/** Provided by the platform's exhibit host around an exhibit's Scene. */
export interface ExhibitReactValue {
  ctx: ExhibitContext
  run: RunStore
  spec: RunSpec
}
export const ExhibitReactContext = createContext<ExhibitReactValue | null>(null)
