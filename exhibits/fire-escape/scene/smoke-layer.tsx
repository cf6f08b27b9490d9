import { useFrame } from '@react-three/fiber'
import { useTracked } from '@sophora/sdk'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { Color, InstancedBufferAttribute, Object3D, PlaneGeometry, type InstancedMesh, type WebGLProgramParametersWithUniforms } from 'three'
import { CEILING, HALF_W, Z_FAR, Z_NEAR } from './layout.ts'
import type { PartProps } from './part-props.ts'
import { smokeTexture } from './smoke-texture.ts'

// few, mid-sized puffs: every layer of a transparent puff is a full pass over its pixels (fill rate on a headset)
const COUNT = 40
const NEAR = new Color('#676159')
const FAR = new Color('#3e3834')

/** Each puff's own opacity (the `instanceAlpha` attribute) multiplied into the material's alpha. */
function puffAlpha(shader: WebGLProgramParametersWithUniforms) {
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', '#include <common>\nattribute float instanceAlpha;\nvarying float vPuffAlpha;')
    .replace('#include <begin_vertex>', '#include <begin_vertex>\nvPuffAlpha = instanceAlpha;')
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', '#include <common>\nvarying float vPuffAlpha;')
    .replace('#include <alphamap_fragment>', '#include <alphamap_fragment>\ndiffuseColor.a *= vPuffAlpha;')
}

/** Per-puff constants, from a fixed sequence: the same smoke on every visit. */
function seeds() {
  let a = 16
  const rnd = () => ((a = (a * 16807) % 2147483647) - 1) / 2147483646
  return Array.from({ length: COUNT }, () => ({
    x: (rnd() * 2 - 1) * (HALF_W - 0.3),
    z: Z_NEAR - 0.5 - rnd() * (Z_NEAR - Z_FAR - 1.5),
    // 0 = the smoke's lower edge .. 1 = the ceiling; most puffs crowd under the ceiling
    layer: 1 - rnd() ** 2,
    size: 0.9 + rnd() * 0.8,
    phase: rnd() * 6.28,
  }))
}

/**
 * Smoke that teaches "stay low": soft billboard puffs in one instanced draw call, dense under
 * the ceiling, thinning downwards, and none below the lower edge, which comes down (from 2.3 m
 * to 1.2 m) as `stage.smoke` grows — the air near the floor stays clear. Each puff faces the
 * camera (flat or headset) and carries its own opacity; nothing is allocated per frame.
 */
export function SmokeLayer({ live }: Pick<PartProps, 'live'>) {
  const mesh = useRef<InstancedMesh>(null)
  const data = useMemo(() => seeds(), [])
  const dummy = useMemo(() => new Object3D(), [])
  const texture = useTracked(() => smokeTexture(16))
  const geometry = useTracked(() => {
    const g = new PlaneGeometry(1, 1)
    g.setAttribute('instanceAlpha', new InstancedBufferAttribute(new Float32Array(COUNT), 1))
    return g
  })
  const level = useRef(0.1)

  useLayoutEffect(() => {
    const m = mesh.current
    if (!m) return
    const c = new Color()
    data.forEach((d, i) => m.setColorAt(i, c.copy(NEAR).lerp(FAR, (Z_NEAR - d.z) / (Z_NEAR - Z_FAR))))
    if (m.instanceColor) m.instanceColor.needsUpdate = true
  }, [data])

  useFrame(({ clock, camera }, dt) => {
    const m = mesh.current
    if (!m) return
    const t = clock.elapsedTime
    level.current += (live.current.smoke - level.current) * (1 - Math.exp(-dt * 0.8))
    const l = level.current
    const bottom = 2.3 - 1.1 * l
    const top = CEILING - 0.25
    const alpha = geometry.getAttribute('instanceAlpha') as InstancedBufferAttribute
    const a = alpha.array as Float32Array
    // the world group only moves, never turns: the camera's world rotation faces the puffs to it
    camera.getWorldQuaternion(dummy.quaternion)
    for (let i = 0; i < data.length; i++) {
      const d = data[i]!
      const y = bottom + d.layer * (top - bottom)
      dummy.position.set(d.x + 0.2 * Math.sin(t * 0.11 + d.phase), y + 0.05 * Math.sin(t * 0.3 + d.phase), d.z + 0.25 * Math.sin(t * 0.07 + d.phase))
      dummy.scale.setScalar(d.size * (0.9 + 0.1 * Math.sin(t * 0.2 + d.phase)))
      dummy.updateMatrix()
      m.setMatrixAt(i, dummy.matrix)
      a[i] = (0.3 + 0.7 * l) * (0.45 + 0.55 * d.layer)
    }
    m.instanceMatrix.needsUpdate = true
    alpha.needsUpdate = true
  })

  return (
    <instancedMesh ref={mesh} args={[geometry, undefined, COUNT]} frustumCulled={false} renderOrder={2}>
      <meshBasicMaterial map={texture} transparent depthWrite={false} onBeforeCompile={puffAlpha} />
    </instancedMesh>
  )
}
