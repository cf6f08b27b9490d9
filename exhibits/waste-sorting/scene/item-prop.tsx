import { useFrame } from '@react-three/fiber'
import { Label3D, useExhibit } from '@sophora/sdk'
import { useMemo, useRef, type RefObject } from 'react'
import { DoubleSide, type Group } from 'three'
import { ITEMS, type Bin } from '../items.ts'
import { buildItemGeometry } from './item-models.ts'
import { BELT_Z, BIN_X, ITEM_SCALE } from './layout.ts'
import { DURATION, itemPose, newPose, type ItemMode } from './motion.ts'
import type zh from '../locales/zh-CN.json'

/** The item's animation, kept in a ref: set by the scene on run changes, read per frame. */
export interface ItemAnim {
  mode: ItemMode
  /** clock time the mode started; -1 = start on the next frame */
  t0: number
  bin: Bin
}

export interface ItemPropProps {
  anim: RefObject<ItemAnim>
  /** the item on the belt (undefined: nothing, e.g. during the quiz) */
  itemKey: string | undefined
}

/**
 * The current item as a simple low-poly model (one mesh, one draw call), riding in on the
 * belt, then thrown into a bin or bouncing back. All 30 models are built once up front.
 */
export function ItemProp({ anim, itemKey }: ItemPropProps) {
  const ctx = useExhibit<typeof zh>()
  const geos = useMemo(() => new Map(ITEMS.map((it) => [it.key, ctx.track(buildItemGeometry(it))])), [ctx])
  const holder = useRef<Group>(null)
  const pose = useMemo(() => newPose(), [])

  useFrame(({ clock }) => {
    const g = holder.current
    const a = anim.current
    if (!g || !a) return
    const now = clock.elapsedTime
    if (a.t0 < 0) a.t0 = now
    const t = now - a.t0
    const finished = itemPose(a.mode, t, BIN_X[a.bin], pose)
    if (finished && DURATION[a.mode] > 0) {
      a.mode = a.mode === 'throw' ? 'hidden' : 'idle'
      a.t0 = now
    }
    g.visible = a.mode !== 'hidden' && itemKey !== undefined
    g.position.set(pose.x, pose.y, pose.z)
    g.scale.setScalar(ITEM_SCALE * pose.scale)
    // idle: a slow turn so the student sees the item from all sides
    g.rotation.y = a.mode === 'idle' ? 0.6 * Math.sin(t * 0.8) : pose.spin
  })

  const geo = itemKey ? geos.get(itemKey) : undefined
  return (
    <>
      <group ref={holder} name="item" userData={{ subject: '*' }}>
        {geo && (
          <mesh geometry={geo}>
            <meshLambertMaterial vertexColors side={DoubleSide} />
          </mesh>
        )}
      </group>
      {itemKey && (
        <Label3D position={[0, 1.3, BELT_Z]} fontSize={0.09} maxWidth={1.2} color="#1b1b1b" outlineWidth={0.003} outlineColor="#ffffff" anchorY="bottom">
          {ctx.t(`item.${itemKey}` as keyof typeof zh)}
        </Label3D>
      )}
    </>
  )
}
