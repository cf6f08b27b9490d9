import { useFrame, type ThreeEvent } from '@react-three/fiber'
import { Label3D, mergeParts, useExhibit } from '@sophora/sdk'
import { useMemo, useRef, type RefObject } from 'react'
import { Color, type Group, type MeshLambertMaterial } from 'three'
import { BINS, BIN_COLORS, type Bin } from '../items.ts'
import { BIN_D, BIN_H, BIN_W, BIN_X, BIN_Z, COLORS as C, SIGN_Y, WALL_Z } from './layout.ts'
import { box } from './box.ts'
import type { ItemAnim } from './item-prop.tsx'
import type zh from '../locales/zh-CN.json'

/** A bin body with its white name plate and feet: one vertex-coloured geometry. */
function binParts(color: string) {
  const dark = `#${new Color(color).multiplyScalar(0.7).getHexString()}`
  return [
    box([BIN_W, BIN_H - 0.04, BIN_D], [0, (BIN_H - 0.04) / 2 + 0.04, 0], color),
    box([BIN_W + 0.02, 0.04, BIN_D + 0.02], [0, BIN_H - 0.02, 0], dark),
    box([BIN_W - 0.08, 0.2, 0.01], [0, BIN_H - 0.22, BIN_D / 2 + 0.005], C.plate),
    ...[-1, 1].flatMap((sx) => [-1, 1].map((sz) => box([0.06, 0.04, 0.06], [sx * (BIN_W / 2 - 0.05), 0.02, sz * (BIN_D / 2 - 0.05)], '#333333'))),
  ]
}

const OPEN = 1.9

export interface BinsProps {
  anim: RefObject<ItemAnim>
  onPick(bin: Bin): void
}

/**
 * The four bins in GB/T 19095 colours with their names. Tapping a bin (mouse, touch or
 * XR ray) sorts the current item; the right bin's lid flips open for the throw.
 */
export function Bins({ anim, onPick }: BinsProps) {
  const ctx = useExhibit<typeof zh>()
  const geos = useMemo(() => BINS.map((b) => ctx.track(mergeParts(binParts(BIN_COLORS[b])))), [ctx])
  const lids = useRef<(Group | null)[]>([])
  const mats = useRef<(MeshLambertMaterial | null)[]>([])
  const hovered = useRef(-1)

  useFrame((_, dt) => {
    const a = anim.current
    const k = 1 - Math.exp(-dt * 9)
    for (let i = 0; i < BINS.length; i++) {
      const lid = lids.current[i]
      if (lid) {
        const target = a?.mode === 'throw' && a.bin === BINS[i] ? -OPEN : 0
        lid.rotation.x += (target - lid.rotation.x) * k
      }
      const m = mats.current[i]
      if (m) m.emissiveIntensity = hovered.current === i ? 0.22 : 0
    }
  })

  const pick = (b: Bin) => (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    onPick(b)
  }
  const hover = (i: number) => (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    hovered.current = i
  }
  const unhover = (i: number) => () => {
    if (hovered.current === i) hovered.current = -1
  }

  return (
    <group>
      {BINS.map((b, i) => {
        const dark = `#${new Color(BIN_COLORS[b]).multiplyScalar(0.8).getHexString()}`
        const name = ctx.t(`scene.bin.${b}`)
        return (
          <group
            key={b}
            name={`bin-${b}`}
            userData={{ subject: '*' }}
            position={[BIN_X[b], 0, BIN_Z]}
            onClick={pick(b)}
            onPointerOver={hover(i)}
            onPointerOut={unhover(i)}
          >
            <mesh geometry={geos[i]}>
              <meshLambertMaterial
                ref={(m) => {
                  mats.current[i] = m
                }}
                vertexColors
                emissive="#ffffff"
                emissiveIntensity={0}
              />
            </mesh>
            <group
              ref={(g) => {
                lids.current[i] = g
              }}
              position={[0, BIN_H, -BIN_D / 2]}
            >
              <mesh position={[0, 0.025, BIN_D / 2]}>
                <boxGeometry args={[BIN_W + 0.04, 0.05, BIN_D + 0.04]} />
                <meshLambertMaterial color={dark} />
              </mesh>
            </group>
            <Label3D
              position={[0, BIN_H - 0.22, BIN_D / 2 + 0.012]}
              fontSize={ctx.lang === 'en' ? 0.05 : 0.075}
              maxWidth={BIN_W - 0.1}
              color={BIN_COLORS[b]}
              outlineWidth={0}
              anchorY="middle"
            >
              {name}
            </Label3D>
            <Label3D
              position={[0, SIGN_Y, WALL_Z + 0.025 - BIN_Z]}
              fontSize={ctx.lang === 'en' ? 0.065 : 0.1}
              maxWidth={0.52}
              color="#ffffff"
              outlineWidth={0}
              anchorY="middle"
            >
              {name}
            </Label3D>
          </group>
        )
      })}
    </group>
  )
}
