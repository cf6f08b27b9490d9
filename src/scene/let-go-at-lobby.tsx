import { useFrame, useThree } from '@react-three/fiber'
import { useEffect } from 'react'

/** Stage-level: the frame loop's last subscription is this one whenever no exhibit is mounted. */
const keep = () => {}

/**
 * At the lobby the stage stops rendering (frameloop 'never'), and what the last frame touched
 * stayed reachable: R3F's loop keeps the last useFrame subscription it called in a module
 * variable (with it the exhibit's callback and everything its closure holds: 3D printing's
 * sliced print job, ~2.4 MB), and three keeps the last frame's render list (the exhibit's
 * meshes, geometries, materials). Both held the exhibit just left until the next visit, so
 * the station's heap at the lobby depended on which exhibit was last. One frame of the stage
 * once it is `idle` (inactive and the exhibit unmounted, in whichever order) replaces both.
 *
 * Also: R3F's first state object (kept by its store for good) shares the subscriber array with
 * the live state until the first unsubscribe replaces the live one, so every useFrame subscribed
 * before that (the first exhibit visited) stayed reachable for the page's lifetime. The live
 * state gets its own array once the stage is up; the first one keeps only the stage's own.
 */
export function LetGoAtLobby(props: { idle: boolean }) {
  const get = useThree((s) => s.get)
  useFrame(keep)
  useEffect(() => {
    // after R3F's Provider has replaced `internal` (a layout effect), before any exhibit subscribes
    const internal = get().internal
    internal.subscribers = [...internal.subscribers]
  }, [get])
  useEffect(() => {
    if (!props.idle) return
    const s = get()
    // the clock's own time: a frame with no time passing (frameloop 'never' takes the timestamp as the clock)
    s.advance(s.clock.elapsedTime)
  }, [props.idle, get])
  return null
}
