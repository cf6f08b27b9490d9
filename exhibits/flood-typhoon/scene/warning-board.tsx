import { useFrame } from '@react-three/fiber'
import { Label3D, pulse, useExhibit, useTapChoice } from '@sophora/sdk'
import { Suspense, useRef } from 'react'
import { Color, type Group, type MeshBasicMaterial } from 'three'
import { actionOf, levelOf, WARNING_LEVELS } from '../warnings.ts'
import { BOARD, COLORS as C } from './layout.ts'
import type { PartProps } from './part-props.ts'
import type zh from '../locales/zh-CN.json'

const WHITE = new Color('#ffffff')
const PANEL_W = 0.4
/** x of each colour's panel on the screen, mildest on the left */
export const panelX = (i: number) => (i - 1.5) * 0.46
/** panels grow from blue to red: the order is visible without reading */
export const panelH = (i: number) => 0.22 + 0.09 * i

/**
 * The roadside information screen: the four warning colours from mildest (blue, left)
 * to most serious (red, right), the warning in force and what it asks of you.
 * Tapping red answers "red is the most serious"; tapping blue, "blue is".
 */
export function WarningBoard({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const frame = useRef<Group>(null)
  const frameMat = useRef<MeshBasicMaterial>(null)
  const active = levelOf(stage.warning)
  const activeIndex = WARNING_LEVELS.indexOf(active)

  useFrame(({ clock }) => {
    const s = live.current
    if (frameMat.current) frameMat.current.color.copy(WHITE).multiplyScalar(s.highlight === 'red-sign' ? 0.6 + 0.4 * pulse(clock.elapsedTime) : 1)
    if (frame.current) frame.current.position.x = panelX(s.highlight === 'red-sign' ? 3 : WARNING_LEVELS.indexOf(levelOf(s.warning)))
  })

  const base = -0.05
  return (
    <group position={[BOARD.x, BOARD.y, BOARD.z]} rotation={[0, BOARD.rotY, 0]}>
      <mesh>
        <boxGeometry args={[BOARD.w, BOARD.h, 0.08]} />
        <meshBasicMaterial color={C.screen} />
      </mesh>
      <group ref={frame} position={[panelX(activeIndex), 0, 0.045]}>
        <mesh position={[0, base + panelH(3) / 2, 0]}>
          <boxGeometry args={[PANEL_W + 0.06, panelH(3) + 0.06, 0.005]} />
          <meshBasicMaterial ref={frameMat} color="#ffffff" />
        </mesh>
      </group>
      {WARNING_LEVELS.map((l, i) => (
        <mesh
          key={l.id}
          name={`warning-${l.id}`}
          position={[panelX(i), base + panelH(i) / 2, 0.055]}
          onClick={l.id === 'red' ? tap('warning-colours', 'colours-red') : l.id === 'blue' ? tap('warning-colours', 'colours-blue') : undefined}
        >
          <boxGeometry args={[PANEL_W, panelH(i), 0.02]} />
          <meshBasicMaterial color={l.colour} />
        </mesh>
      ))}
      <Suspense fallback={null}>
        <Label3D position={[0, 0.56, 0.05]} fontSize={0.12} color="#ffffff" anchorX="center" anchorY="middle" maxWidth={1.9}>
          {ctx.t('scene.board-title')}
        </Label3D>
        {WARNING_LEVELS.map((l, i) => (
          <Label3D
            key={l.id}
            position={[panelX(i), base + 0.09, 0.07]}
            fontSize={0.085}
            color={l.ink}
            outlineWidth={0}
            anchorX="center"
            anchorY="middle"
            maxWidth={0.4}
          >
            {ctx.t(l.name)}
          </Label3D>
        ))}
        <Label3D position={[0, -0.33, 0.05]} fontSize={0.11} color={active.onDark} anchorX="center" anchorY="middle" maxWidth={1.95}>
          {ctx.t(`scene.now.${stage.warning}`)}
        </Label3D>
        <Label3D position={[0, -0.55, 0.05]} fontSize={0.08} color="#ffffff" anchorX="center" anchorY="middle" maxWidth={1.95} textAlign="center">
          {ctx.t(actionOf(stage.warning))}
        </Label3D>
      </Suspense>
    </group>
  )
}
