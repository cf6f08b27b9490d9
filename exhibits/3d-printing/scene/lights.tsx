import { skyDome, useTracked } from '@sophora/sdk'
import { BackSide } from 'three'
import { COLORS as C } from './layout.ts'

/**
 * The one cheap light for what moves (printer, print, models on the shelf): a hemisphere light
 * and a key light from the same direction as the bake's (lab.bake.ts); the lab itself is baked.
 * Above and around the 3 m back wall a pale gradient in the wall's own tone (one draw call): the
 * renderer's black showed as a band across the top of every flat view and as a void in VR.
 */
export function Lights() {
  const sky = useTracked(() => skyDome({ top: '#e4e8ee', horizon: C.wall, bottom: C.floor, radius: 40 }))
  return (
    <>
      <hemisphereLight args={['#ffffff', '#8a7a66', 1.2]} />
      <directionalLight position={[0.8, 3, 1.5]} intensity={1.8} />
      <mesh geometry={sky} renderOrder={-1}>
        <meshBasicMaterial vertexColors side={BackSide} depthWrite={false} />
      </mesh>
    </>
  )
}
