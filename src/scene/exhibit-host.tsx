import { useLayoutEffect, useRef } from 'react'
import type { Group } from 'three'
import type { ExhibitDefinition } from '../core/exhibit-kit.ts'
import type { Visit } from '../core/visit.ts'
import { ExhibitReactContext } from '../sdk/exhibit-react-context.ts'
import { ExhibitBoundary } from './exhibit-boundary.tsx'
import { disposeTree } from './dispose-tree.ts'

/**
 * Mounts one exhibit's Scene inside the Canvas: its own error boundary, the SDK context,
 * and a root group whose whole subtree is disposed on unmount.
 */
export function ExhibitHost(props: { visit: Visit; def: ExhibitDefinition; onCrash(e: unknown): void }) {
  const { visit, def, onCrash } = props
  const root = useRef<Group>(null)
  useLayoutEffect(() => {
    const g = root.current
    const leave = def.onEnter?.(visit.ctx)
    return () => {
      try {
        leave?.()
      } catch (e) {
        console.error(e)
      }
      // Runs before R3F detaches the children, so the whole subtree is still reachable.
      if (g) disposeTree(g)
    }
  }, [visit, def])
  const { Scene } = def
  return (
    <ExhibitBoundary onError={onCrash}>
      <ExhibitReactContext.Provider value={{ ctx: visit.ctx, run: visit.run, spec: visit.spec }}>
        <group ref={root} name={`exhibit:${visit.ctx.manifest.id}`}>
          <Scene ctx={visit.ctx} />
        </group>
      </ExhibitReactContext.Provider>
    </ExhibitBoundary>
  )
}
