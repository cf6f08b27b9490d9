import { useFrame } from '@react-three/fiber'
import { Label3D, ModelMesh, useExhibit, useTracked } from '@sophora/sdk'
import { Suspense, useMemo, useRef, type RefObject } from 'react'
import { Quaternion, Vector3, type Group, type Mesh, type MeshLambertMaterial } from 'three'
import { LAYER_MM, type SlicedModel } from '../models.ts'
import { VERTS_PER_LINE } from '../toolpath.ts'
import { COLORS as C, FRAME, PARK_MM, PLATE_Y, PRINTER, PRINT_SCALE, SPOOL } from './layout.ts'
import { PRINTER_URL } from './model-urls.ts'
import { printGeometry, printMaterial, type PrintUniforms } from './print-material.ts'
import { createSim, placeHead } from './print-sim.ts'
import type { Stage } from './stage.ts'
import type zh from '../locales/zh-CN.json'

/** Seconds to print up to the overhang (first print), and the whole good print. */
const FAILED_SECONDS = 14
const GOOD_SECONDS = 18
const SAG_MAX = 0.6
const UP = new Vector3(0, 1, 0)

interface Props {
  stage: Stage
  live: RefObject<Stage>
  sliced: SlicedModel
}

/**
 * The printer's moving parts (models from printer.glb) and the print: nozzle, hot end, gantry, spool, filament,
 * and the two prints (without / with supports), each ONE geometry revealed by draw range.
 */
export function Printer({ stage, live, sliced }: Props) {
  const ctx = useExhibit<typeof zh>()
  const { failed, good } = sliced
  const failedGeo = useTracked(() => printGeometry(failed), [failed])
  const goodGeo = useTracked(() => printGeometry(good), [good])
  const uniforms = useMemo<PrintUniforms>(() => ({ uSag: { value: 0 }, uHide: { value: 0 } }), [])
  const failedMat = useTracked(() => printMaterial(uniforms), [uniforms])
  const goodMat = useTracked(() => printMaterial(uniforms), [uniforms])
  const sim = useMemo(() => createSim(), [])
  const failedMesh = useRef<Mesh>(null)
  const goodMesh = useRef<Mesh>(null)
  const head = useRef<Group>(null)
  const bar = useRef<Group>(null)
  const nozzle = useRef<MeshLambertMaterial>(null)
  const spool = useRef<Group>(null)
  const filament = useRef<Mesh>(null)
  const layerLabel = useRef<{ text: string; sync(): void } | null>(null)
  const tmp = useMemo(
    () => ({
      target: new Vector3(),
      feed: new Vector3(SPOOL.x - 0.02, SPOOL.y - SPOOL.r, SPOOL.z),
      top: new Vector3(),
      dir: new Vector3(),
      q: new Quaternion(),
    }),
    [],
  )
  const shownLayer = useRef(-1)
  const overhang = Math.max(0, good.overhangLayer)

  useFrame((_, delta) => {
    const s = live.current
    const dt = Math.min(delta, 0.1)
    if (sim.kind !== s.job) {
      sim.kind = s.job
      sim.t = 0
      sim.sag = 0
    }
    sim.temp += (s.heat - sim.temp) * (1 - Math.exp(-dt * (s.heat > sim.temp ? 1.2 : 0.5)))
    const job = s.job === 'good' ? good : s.job === 'failed' ? failed : null
    let onPath = false
    if (job) {
      const holdAt = failed.tStart[failed.layerStart[overhang]!] ?? failed.total
      const speed = job === failed ? holdAt / FAILED_SECONDS : (good.total / GOOD_SECONDS) * (s.hurry ? 4 : 1)
      const limit = s.holdBeforeOverhang ? holdAt : job.total
      sim.t = Math.min(limit, sim.t + speed * dt)
      onPath = placeHead(job, sim, LAYER_MM)
      const g = (job === failed ? failedMesh : goodMesh).current?.geometry
      g?.setDrawRange(0, sim.done * VERTS_PER_LINE)
      if (job === failed && sim.done > failed.layerStart[overhang]!) sim.sag += (SAG_MAX - sim.sag) * (1 - Math.exp(-dt * 0.5))
    } else {
      sim.done = 0
      sim.layer = 0
    }
    uniforms.uSag.value = job === failed ? sim.sag : 0
    sim.hide += ((s.supportsRemoved ? 1 : 0) - sim.hide) * (1 - Math.exp(-dt * 2))
    uniforms.uHide.value = sim.hide > 0.995 ? 1 : sim.hide
    if (failedMesh.current) failedMesh.current.visible = job === failed
    if (goodMesh.current) goodMesh.current.visible = job === good

    // nozzle tip in the world: on the path while printing, else eased to its parking spot
    const h = head.current
    if (h) {
      if (!onPath) sim.head.lerp(tmp.target.set(PARK_MM.x, PARK_MM.y, PARK_MM.z), 1 - Math.exp(-dt * 2))
      h.position.set(PRINTER.x + sim.head.x * PRINT_SCALE, PLATE_Y + sim.head.y * PRINT_SCALE, PRINTER.z + sim.head.z * PRINT_SCALE)
      if (bar.current) bar.current.position.set(PRINTER.x, h.position.y + 0.085, h.position.z)
      // filament: a thin rod from the spool to the top of the head
      const f = filament.current
      if (f) {
        tmp.top.set(h.position.x, h.position.y + 0.095, h.position.z)
        tmp.dir.subVectors(tmp.top, tmp.feed)
        const len = tmp.dir.length()
        f.position.addVectors(tmp.feed, tmp.top).multiplyScalar(0.5)
        f.quaternion.setFromUnitVectors(UP, tmp.dir.multiplyScalar(1 / len))
        f.scale.set(1, len, 1)
      }
    }
    if (nozzle.current) nozzle.current.emissiveIntensity = sim.temp * 1.6
    if (spool.current && s.feeding && (onPath || s.stepId === 'filament')) spool.current.rotation.x -= dt * 0.8
    const ll = layerLabel.current
    if (ll && shownLayer.current !== sim.layer) {
      shownLayer.current = sim.layer
      ll.text = ctx.t('scene.layer', { n: sim.layer, total: good.layerCount })
      ll.sync()
    }
  })

  const hotNow = stage.heat > 0
  return (
    <group>
      <group position={[PRINTER.x, PLATE_Y, PRINTER.z]} scale={PRINT_SCALE}>
        <mesh ref={failedMesh} geometry={failedGeo} material={failedMat} frustumCulled={false} visible={false} />
        <mesh ref={goodMesh} geometry={goodGeo} material={goodMat} frustumCulled={false} visible={false} />
      </group>
      <group ref={bar} position={[PRINTER.x, 1.3, PRINTER.z]}>
        <ModelMesh url={PRINTER_URL} part="printer-gantry" />
      </group>
      <group ref={head} name="print-head" userData={{ subject: 'nozzle layers supports finished' }}>
        <ModelMesh url={PRINTER_URL} part="printer-head" />
        <mesh position={[0, 0.0075, 0]} rotation={[Math.PI, 0, 0]}>
          <coneGeometry args={[0.008, 0.015, 12]} />
          <meshLambertMaterial ref={nozzle} color="#c9a227" emissive="#ff4a10" emissiveIntensity={0} />
        </mesh>
        <Suspense fallback={null}>
          <Label3D
            visible={hotNow || stage.supportsRemoved}
            position={[-0.1, 0.03, 0.03]}
            fontSize={0.022}
            color={hotNow ? '#ffd0b0' : '#d8f5ff'}
            anchorX="center"
          >
            {ctx.t(hotNow ? 'scene.nozzle' : 'scene.cool')}
          </Label3D>
        </Suspense>
      </group>
      <group ref={spool} name="spool" userData={{ subject: 'filament' }} position={[SPOOL.x, SPOOL.y, SPOOL.z]}>
        {/* opaque, single-sided: one pass (the old see-through flanges drew twice, blended) */}
        <ModelMesh url={PRINTER_URL} part="printer-spool" />
      </group>
      <mesh ref={filament}>
        <cylinderGeometry args={[0.0018, 0.0018, 1, 6, 1, true]} />
        <meshLambertMaterial color={C.filament} />
      </mesh>
      <Suspense fallback={null}>
        <Label3D position={[PRINTER.x, FRAME.top + 0.06, PRINTER.z + FRAME.hd]} fontSize={0.045} color="#ffffff">
          {ctx.t('scene.title')}
        </Label3D>
        <Label3D position={[SPOOL.x, SPOOL.y + SPOOL.r + 0.04, SPOOL.z]} fontSize={0.024} color="#ffe2cc">
          {ctx.t('scene.filament')}
        </Label3D>
        <Label3D position={[PRINTER.x + 0.11, (PLATE_Y + 0.95) / 2, PRINTER.z + FRAME.hd + 0.036]} fontSize={0.028} color="#d8f5ff">
          {ctx.t('scene.plate')}
        </Label3D>
        <Label3D ref={layerLabel as never} position={[PRINTER.x - 0.11, (PLATE_Y + 0.95) / 2, PRINTER.z + FRAME.hd + 0.036]} fontSize={0.028} color="#ffe2cc">
          {ctx.t('scene.layer', { n: 0, total: good.layerCount })}
        </Label3D>
        <Label3D
          visible={stage.stepId === 'finished' && !stage.done}
          position={[PRINTER.x, PLATE_Y + 0.2, PRINTER.z + FRAME.hd + 0.05]}
          fontSize={0.04}
          color="#ff5a3a"
        >
          {ctx.t('scene.hot')}
        </Label3D>
        <Label3D
          visible={stage.job === 'good' && !stage.supportsRemoved}
          position={[PRINTER.x + 0.16, PLATE_Y + 0.05, PRINTER.z + FRAME.hd + 0.02]}
          fontSize={0.024}
          color="#fff6e0"
        >
          {ctx.t('scene.supports')}
        </Label3D>
      </Suspense>
    </group>
  )
}
