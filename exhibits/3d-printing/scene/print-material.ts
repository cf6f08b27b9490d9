import { BufferGeometry, Color, DoubleSide, Float32BufferAttribute, MeshLambertMaterial, type IUniform } from 'three'
import { KIND, type PrintJob } from '../toolpath.ts'
import { COLORS } from './layout.ts'

export interface PrintUniforms {
  /** how far the unsupported part has drooped, mm per mm of overhang */
  uSag: IUniform<number>
  /** 1 = supports snapped off (their vertices collapse to nothing) */
  uHide: IUniform<number>
}

const TINT: Record<number, string> = { [KIND.wall]: COLORS.model, [KIND.infill]: COLORS.infill, [KIND.support]: COLORS.support }

/**
 * The whole print as ONE geometry (every line of every layer, in print order); the scene
 * reveals it with setDrawRange. The caller owns it (wrap in ctx.track).
 */
export function printGeometry(job: PrintJob): BufferGeometry {
  const g = new BufferGeometry()
  g.setAttribute('position', new Float32BufferAttribute(job.position, 3))
  g.setAttribute('normal', new Float32BufferAttribute(job.normal, 3))
  const rgb = new Float32Array(job.kindAttr.length * 3)
  const c = new Color()
  for (let i = 0; i < job.kindAttr.length; i++) {
    c.set(TINT[job.kindAttr[i]!] ?? COLORS.model)
    rgb[i * 3] = c.r
    rgb[i * 3 + 1] = c.g
    rgb[i * 3 + 2] = c.b
  }
  g.setAttribute('color', new Float32BufferAttribute(rgb, 3))
  g.setAttribute('aKind', new Float32BufferAttribute(job.kindAttr, 1))
  g.setAttribute('aSag', new Float32BufferAttribute(job.sagAttr, 1))
  g.setDrawRange(0, 0)
  g.computeBoundingSphere()
  return g
}

/**
 * Lambert with two vertex-shader lines: sagging (failed print) and snapping supports off.
 * Per-frame changes are uniform writes only, no recompiles and no allocation.
 */
export function printMaterial(u: PrintUniforms): MeshLambertMaterial {
  const m = new MeshLambertMaterial({ vertexColors: true, side: DoubleSide })
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uSag = u.uSag
    shader.uniforms.uHide = u.uHide
    shader.vertexShader =
      'attribute float aKind;\nattribute float aSag;\nuniform float uSag;\nuniform float uHide;\n' +
      shader.vertexShader.replace(
        '#include <begin_vertex>',
        '#include <begin_vertex>\ntransformed.y -= aSag * uSag;\nif (aKind > 1.5) transformed *= 1.0 - uHide;',
      )
  }
  m.customProgramCacheKey = () => 'sophora-print-sag'
  return m
}
