import { useFrame } from '@react-three/fiber'
import { bakedGeometry, Label3D, mergeBoxes, pulse, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useMemo, useRef, type RefObject } from 'react'
import { DoubleSide, type MeshBasicMaterial, type MeshLambertMaterial } from 'three'
import { Crowd } from './crowd.tsx'
import { FallingThings, SwayingLamps } from './falling-things.tsx'
import { COLORS as C, DESK, DOOR, OWN_DESK, ROOM, SPEAKER } from './layout.ts'
import type { Motion, PartProps } from './part-props.ts'
import { classFigures } from './people.ts'
import classroomLight from './classroom.bake.ts?bake'
import { bookcaseParts, glassParts, ownDeskLegParts, ownDeskTopParts } from './shell-parts.ts'
import { SIGNS } from './signs.ts'
import type zh from '../locales/zh-CN.json'

/**
 * The classroom where the quake strikes. Tappable: the student's own desk (act on the
 * warning, stay calm and take cover here), its legs (hold on, stay put), the windows, the
 * bookcase and the door (running out on the warning, or the wrong places while it shakes).
 * The early-warning loudspeaker hangs above the blackboard and pulses while it counts down.
 */
export function Classroom({ stage, live, motion }: PartProps & { motion: RefObject<Motion> }) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  // daylight through the windows, lamps, soft shadows and a bounce, ray-cast at build time (classroom.bake.ts)
  const shell = useTracked(() => bakedGeometry(classroomLight))
  const deskTop = useTracked(() => mergeBoxes(ownDeskTopParts()))
  const deskLegs = useTracked(() => mergeBoxes(ownDeskLegParts()))
  const bookcase = useTracked(() => mergeBoxes(bookcaseParts()))
  const glassGeo = useTracked(() => mergeBoxes(glassParts()))
  const figures = useMemo(() => classFigures(stage.classDucked), [stage.classDucked])
  const topMat = useRef<MeshLambertMaterial>(null)
  const legMat = useRef<MeshLambertMaterial>(null)
  const glass = useRef<MeshBasicMaterial>(null)
  const speaker = useRef<MeshBasicMaterial>(null)

  useFrame(({ clock }) => {
    const s = live.current
    const p = pulse(clock.elapsedTime)
    if (topMat.current) topMat.current.emissiveIntensity = s.highlight === 'desk' ? 0.1 + 0.35 * p : 0
    if (legMat.current) legMat.current.emissiveIntensity = s.highlight === 'desk-leg' ? 0.2 + 0.6 * p : 0
    // the loudspeaker's red ring breathes at about 1 Hz while it counts down (photosensitivity-safe); steady when motion is reduced
    const ring = motion.current.calm < 1 ? 1 : 0.5 + 0.5 * Math.sin(clock.elapsedTime * Math.PI * 2)
    if (speaker.current) speaker.current.color.setRGB(s.warning ? 0.55 + 0.45 * ring : 0.35, 0.08, 0.08)
    // the windows rattle: the glass flickers a little while it shakes
    if (glass.current) glass.current.opacity = 0.45 + 0.1 * motion.current.shake * motion.current.calm * Math.sin(clock.elapsedTime * 23)
  })

  const ownDesk = tap(
    ['early-warning', 'warn-act-now'],
    ['feel-shaking', 'shaking-stay-calm'],
    ['drop-cover', 'cover-under-desk'],
    ['hold-on', 'hold-desk-leg'],
    ['wait-until-stops', 'wait-stay-put'],
  )
  return (
    <group>
      <mesh geometry={shell}>
        <meshBasicMaterial vertexColors />
      </mesh>

      <group name="eq-own-desk" onClick={ownDesk}>
        <mesh geometry={deskTop}>
          <meshLambertMaterial ref={topMat} vertexColors emissive="#ffd36b" emissiveIntensity={0} side={DoubleSide} />
        </mesh>
        <mesh geometry={deskLegs}>
          <meshLambertMaterial ref={legMat} vertexColors emissive="#ffd36b" emissiveIntensity={0} />
        </mesh>
      </group>
      {/* the student's hand gripping the front-left desk leg (the choice panel covers the right) */}
      <mesh
        name="eq-hand"
        visible={stage.holding}
        position={[OWN_DESK.x - DESK.w / 2 + 0.09, 0.42, OWN_DESK.z - DESK.d / 2 + 0.04]}
        rotation={[0, 0, Math.PI / 2]}
      >
        <capsuleGeometry args={[0.035, 0.09, 4, 8]} />
        <meshLambertMaterial color={C.skin} />
      </mesh>

      <mesh name="eq-bookcase" geometry={bookcase} onClick={tap(['drop-cover', 'cover-by-bookcase'])}>
        <meshLambertMaterial vertexColors />
      </mesh>

      {/* window glass, all three panes in one mesh */}
      <mesh name="eq-windows" geometry={glassGeo} onClick={tap(['drop-cover', 'cover-by-window'], ['wait-until-stops', 'wait-jump-window'])}>
        <meshBasicMaterial ref={glass} vertexColors transparent opacity={0.5} depthWrite={false} />
      </mesh>

      <mesh
        name="eq-door"
        position={[DOOR.x - 0.05, DOOR.h / 2, DOOR.z]}
        onClick={tap(['early-warning', 'warn-run-out'], ['feel-shaking', 'shaking-doorway'], ['wait-until-stops', 'wait-run-now'])}
      >
        <boxGeometry args={[0.05, DOOR.h, DOOR.w]} />
        <meshLambertMaterial color={C.wood} />
      </mesh>

      {/* the early-warning loudspeaker: a grey horn with a red ring */}
      <mesh name="eq-speaker" position={[SPEAKER.x, SPEAKER.y, SPEAKER.z]} rotation={[Math.PI / 2, 0, 0]}>
        <cylinderGeometry args={[0.28, 0.16, 0.2, 16]} />
        <meshBasicMaterial ref={speaker} color="#591414" />
      </mesh>

      <Crowd figures={figures} />
      <SwayingLamps motion={motion} />
      <FallingThings motion={motion} />

      <Suspense fallback={null}>
        <Label3D
          position={[0, 2.0, ROOM.front + 0.06]}
          fontSize={0.26}
          color={SIGNS.blackboard.text}
          outlineWidth={0}
          anchorX="center"
          anchorY="middle"
          maxWidth={4}
        >
          {ctx.t('scene.blackboard')}
        </Label3D>
        <Label3D
          visible={stage.warning}
          position={[SPEAKER.x, SPEAKER.y - 0.5, ROOM.front + 0.06]}
          fontSize={0.32}
          color={SIGNS.warning.text}
          outlineWidth={0.01}
          outlineColor={SIGNS.warning.background}
          anchorX="center"
          anchorY="middle"
          maxWidth={2}
        >
          {ctx.t('scene.warning')}
        </Label3D>
        <Label3D
          visible={stage.holding}
          position={[0, 1.45, ROOM.front + 0.06]}
          fontSize={0.3}
          color={SIGNS.holdOn.text}
          outlineWidth={0}
          anchorX="center"
          anchorY="middle"
          maxWidth={4}
        >
          {ctx.t('scene.drop-cover-hold')}
        </Label3D>
      </Suspense>
    </group>
  )
}
