import { useFrame, useThree, type RootState } from '@react-three/fiber'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { act, useEffect, useMemo } from 'react'
import { describe, expect, it } from 'vitest'
import { LetGoAtLobby } from '../let-go-at-lobby.tsx'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** What an exhibit holds per visit: a large buffer, only reachable from its frame callback's closure, and a mesh drawn each frame. */
function Exhibit(props: { onHeld(held: WeakRef<object>): void }) {
  const job = useMemo(() => new Float32Array(1 << 16), [])
  useMemo(() => props.onHeld(new WeakRef(job)), [props, job])
  useFrame(() => {
    job[0] = (job[0] ?? 0) + 1
  })
  return (
    <mesh>
      <boxGeometry ref={(g) => void (g && props.onHeld(new WeakRef(g)))} />
      <meshBasicMaterial />
    </mesh>
  )
}

/** The test's handle on the R3F root (to run frames through R3F's own loop). */
const root: { get: (() => RootState) | null } = { get: null }
function GetRoot() {
  const get = useThree((s) => s.get)
  useEffect(() => {
    root.get = get
  }, [get])
  return null
}

/** Stage as src/scene/stage.tsx: `active` is the frame loop; the exhibit is its child while the visit lasts. */
function StageLike(props: { active: boolean; exhibit: boolean; onHeld(held: WeakRef<object>): void }) {
  return (
    <>
      <GetRoot />
      <LetGoAtLobby idle={!props.active && !props.exhibit} />
      {props.exhibit && <Exhibit onHeld={props.onHeld} />}
    </>
  )
}

describe('LetGoAtLobby (the stage at the lobby keeps nothing of the exhibit just left)', () => {
  // In the app the stage goes inactive first and the visit's session closes a render later;
  // the other order is there for a direct switch.
  it.each([
    ['the stage stops, then the exhibit leaves', [true, false]],
    ['the exhibit leaves, then the stage stops', [false, true]],
  ] as const)('%s: the frame callback and what it holds can be collected at the lobby', async (_, [inactiveFirst, exhibitFirst]) => {
    const refs: WeakRef<object>[] = []
    const onHeld = (r: WeakRef<object>) => refs.push(r)
    // the stage as the app keeps it: made once, exhibits mounted into it and out again
    const r = await ReactThreeTestRenderer.create(<StageLike active={false} exhibit={false} onHeld={onHeld} />, { frameloop: 'never' })
    await r.update(<StageLike active exhibit onHeld={onHeld} />)
    // frames of the visit, through R3F's own loop (advanceFrames calls the callbacks directly)
    for (let t = 1; t <= 3; t++) act(() => root.get!().advance(t))
    const [job, geometry] = refs
    expect(refs).toHaveLength(2)
    expect((job!.deref() as Float32Array)[0]).toBe(3)
    expect(root.get!().gl.info.render.frame).toBeGreaterThan(0)

    if (inactiveFirst) await r.update(<StageLike active={false} exhibit onHeld={onHeld} />)
    if (exhibitFirst) await r.update(<StageLike active exhibit={false} onHeld={onHeld} />)
    await r.update(<StageLike active={false} exhibit={false} onHeld={onHeld} />)
    // WeakRefs hold their target until the current job ends
    await new Promise((done) => setTimeout(done, 0))
    gc()
    expect(job!.deref()).toBeUndefined()
    expect(geometry!.deref()).toBeUndefined()
    await r.unmount()
  })
})
