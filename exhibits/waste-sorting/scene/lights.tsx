import { skyDome, useSceneFog, useTracked } from '@sophora/sdk'
import { BackSide } from 'three'
import { COLORS as C } from './layout.ts'

/**
 * The hall is baked (hall.bake.ts) and drawn unlit; this one hemisphere light (bright above, the
 * floor's warm grey below) lights only the things that move — bins, lids, items — matched to the
 * bake. Behind the wall a soft gradient and a faint haze give the hall depth; the scene's fog
 * before the visit comes back on exit.
 */
export function Lights() {
  useSceneFog(C.wall, 8, 40)
  const sky = useTracked(() => skyDome({ top: '#cfdcd6', horizon: C.wall, bottom: C.floor, radius: 40 }))
  return (
    <>
      <hemisphereLight args={['#ffffff', '#b9b2a3', 2.6]} />
      <mesh geometry={sky} renderOrder={-1}>
        <meshBasicMaterial vertexColors side={BackSide} fog={false} depthWrite={false} />
      </mesh>
    </>
  )
}
