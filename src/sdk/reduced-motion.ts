import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-reduced-motion: reduce)'

/** How much of a large motion (a shaking world, a swinging lamp) to keep when the visitor asked for less. */
export const REDUCED_MOTION_SCALE = 0.2

function subscribe(onChange: () => void): () => void {
  const mq = globalThis.matchMedia?.(QUERY)
  mq?.addEventListener('change', onChange)
  return () => mq?.removeEventListener('change', onChange)
}

const current = (): boolean => globalThis.matchMedia?.(QUERY).matches ?? false

/**
 * True when the device asks for reduced motion (the OS setting `prefers-reduced-motion`),
 * updated live when it changes. Calm what could upset or disorient: shaking worlds, camera
 * moves, flashing or pulsing lights (keep a steady light instead). Read it in render; a
 * `useFrame` callback sees the value of the last render.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false)
}
