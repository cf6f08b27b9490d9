import { useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { ThreeEvent } from '@react-three/fiber'
import { currentQuiz, currentStep, feedbackView, isPassed } from '../../core/exhibit-run.ts'
import type { Visit } from '../../core/visit.ts'
import { tApp, type AppKey } from '../../i18n/translate.ts'
import type { Lang } from '../../core/manifest-schema.ts'
import { Label3D } from '../../sdk/text/label-3d.tsx'
import { GazeDwell } from '../../scene/gaze-dwell.tsx'
import type { Group } from 'three'
import { formatPassportCode, useStationPassport } from '../passport/index.ts'
import { VRStamp } from './vr-stamp.tsx'
import { VR_PANEL } from './vr-panel-colors.ts'

const W = 1.3
/**
 * The panel is drawn over the world and wins every pointer hit (pointerEventsOrder), so an
 * exhibit's geometry near the student (a desk overhead, a wall) can never hide or block it.
 */
export const ON_TOP = 1000

/** A wide 3D button of the VR panels: pressed by a controller ray, a hand or gaze dwell. */
export function Button3D(props: { label: string; y: number; testId: string; tone?: 'ok' | 'no' | 'plain' | 'primary'; disabled?: boolean; onPress(): void }) {
  const [hover, setHover] = useState(false)
  // Our own press: down then up on the same button. A child may hold the trigger for a
  // second; the library's click gives up after ~300 ms.
  const down = useRef<number | null>(null)
  const B = VR_PANEL.button
  const base = props.tone === 'ok' ? B.ok : props.tone === 'no' ? B.no : props.tone === 'primary' ? B.primary : B.plain
  // Handlers sit on the group: a ray that hits the label (a sibling mesh) still presses.
  return (
    <group
      position={[0, props.y, 0.01]}
      onPointerDown={(e: ThreeEvent<PointerEvent>) => {
        e.stopPropagation()
        down.current = e.pointerId
      }}
      onPointerUp={(e: ThreeEvent<PointerEvent>) => {
        e.stopPropagation()
        if (down.current === e.pointerId && !props.disabled) props.onPress()
        down.current = null
      }}
      onPointerOver={() => setHover(true)}
      onPointerOut={() => {
        setHover(false)
        down.current = null
      }}
    >
      <mesh name={props.testId} renderOrder={ON_TOP + 1} userData={{ press: props.disabled ? undefined : props.onPress }}>
        <planeGeometry args={[W - 0.1, 0.12]} />
        <meshBasicMaterial color={hover && !props.disabled ? B.hover : base} depthTest={false} />
      </mesh>
      <Label3D position={[0, 0, 0.005]} fontSize={0.045} maxWidth={W - 0.16} color={VR_PANEL.buttonText} renderOrder={ON_TOP + 2} material-depthTest={false}>
        {props.label}
      </Label3D>
    </group>
  )
}

const FEEDBACK_SIZE = 0.04

/**
 * Height the feedback text takes above the buttons: a quiz answer (verdict, reason, right
 * answer, explanation) runs to several lines. Estimated from the text (a hanzi is about one
 * font size wide, a Latin letter about half), at the label's 1.4 line height.
 */
export function feedbackBand(text: string): number {
  const lines = text.split('\n').reduce((n, line) => {
    const ems = [...line].reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e80 ? 1 : 0.55), 0)
    return n + Math.max(1, Math.ceil((ems * FEEDBACK_SIZE) / W))
  }, 0)
  return Math.max(0.2, lines * FEEDBACK_SIZE * 1.4 + 0.06)
}

/**
 * The guided flow inside the 3D view, for VR (no DOM there). Controllers, hands and
 * gaze reach the buttons as ordinary pointer events through @react-three/xr.
 */
export function VRPanel(props: {
  visit: Visit
  lang: Lang
  subtitle: string | null
  onLobby(): void
  /** offered on the intro while no passport is checked in: opens the in-VR keypad */
  onCheckIn?(): void
}) {
  const { visit, lang, subtitle } = props
  const panel = useRef<Group>(null)
  const s = useStore(visit.run, (x) => x.state)
  const dispatch = visit.run.getState().dispatch
  const t = (k: AppKey, v?: Record<string, string | number>) => tApp(lang, k, v)
  const et = visit.ctx.t
  const spec = visit.spec
  const m = visit.ctx.manifest
  const passport = useStationPassport((x) => x.code)
  const step = currentStep(spec, s)
  const item = currentQuiz(spec, s)
  const list = step?.choices ?? item?.choices ?? []
  const title =
    s.phase === 'intro'
      ? m.title[lang]
      : step
        ? et(step.prompt)
        : item
          ? et(item.question)
          : `${t('exhibit.result.title')} · ${t('exhibit.result.score', { score: s.score, total: spec.quiz.length })}`

  const rows: { key: string; label: string; tone?: 'ok' | 'no' | 'plain' | 'primary'; disabled?: boolean; press(): void }[] = []
  if (s.phase === 'intro') rows.push({ key: 'run-start', label: t('exhibit.start'), tone: 'primary', press: () => dispatch({ type: 'start' }) })
  if (s.phase === 'intro' && !passport && props.onCheckIn) rows.push({ key: 'vr-check-in', label: t('checkin.short'), press: props.onCheckIn })
  for (const c of list) {
    const picked = s.feedback?.choiceId === c.id
    rows.push({
      key: `choice-${c.id}`,
      label: et(c.label),
      tone: picked ? (s.feedback?.correct ? 'ok' : 'no') : 'plain',
      disabled: !!s.feedback,
      press: () => dispatch({ type: 'choose', choiceId: c.id }),
    })
  }
  if (s.feedback)
    rows.push({
      key: 'run-next',
      label: s.phase === 'step' && !s.feedback.correct ? t('exhibit.retry') : t('exhibit.next'),
      tone: 'primary',
      press: () => dispatch({ type: 'next' }),
    })
  if (s.phase === 'result') rows.push({ key: 'run-lobby', label: t('exhibit.result.lobby'), tone: 'primary', press: props.onLobby })

  const passed = s.phase === 'result' && isPassed(spec, s)
  const owner = passport ? t('exhibit.result.stampedIn', { code: formatPassportCode(passport) }) : t('exhibit.result.walkIn')
  const fv = feedbackView(spec, s)
  const feedbackText = fv
    ? [
        `${fv.correct ? t('exhibit.correct') : t('exhibit.wrong')} ${et(fv.reason)}`,
        fv.rightAnswer ? t('exhibit.rightAnswer', { answer: et(fv.rightAnswer) }) : '',
        fv.explanation ? et(fv.explanation) : '',
      ]
        .filter(Boolean)
        .join('\n')
    : s.phase === 'result'
      ? passed
        ? `${t('exhibit.result.passed')} ${owner}`
        : t('exhibit.result.failed', { pass: spec.pass })
      : ''
  const band = feedbackText ? feedbackBand(feedbackText) : 0
  const height = 0.3 + rows.length * 0.15 + band

  return (
    <>
      <GazeDwell target={panel} />
      <group ref={panel} position={[0, 1.45, -1.25]} name="vr-panel" pointerEventsOrder={10}>
        <mesh position={[0, -height / 2 + 0.12, -0.01]} renderOrder={ON_TOP}>
          <planeGeometry args={[W + 0.1, height]} />
          <meshBasicMaterial color={VR_PANEL.sheet} transparent opacity={VR_PANEL.sheetOpacity} depthTest={false} />
        </mesh>
        <Label3D
          position={[0, 0.06, 0]}
          fontSize={0.055}
          maxWidth={W}
          color={VR_PANEL.title}
          anchorY="middle"
          renderOrder={ON_TOP + 2}
          material-depthTest={false}
        >
          {title}
        </Label3D>
        {feedbackText && (
          <Label3D
            position={[0, -0.02, 0]}
            anchorY="top"
            fontSize={FEEDBACK_SIZE}
            maxWidth={W}
            color={s.feedback?.correct === false ? VR_PANEL.feedbackNo : VR_PANEL.feedbackOk}
            renderOrder={ON_TOP + 2}
            material-depthTest={false}
          >
            {feedbackText}
          </Label3D>
        )}
        {rows.map((r, i) => (
          <Button3D key={r.key} testId={r.key} label={r.label} tone={r.tone} disabled={r.disabled} y={-0.1 - band - i * 0.15} onPress={r.press} />
        ))}
        {passed && <VRStamp glyph={m.stamp.glyph} color={m.stamp.color} position={[W / 2 + 0.22, 0, 0]} renderOrder={ON_TOP + 3} />}
        {subtitle && (
          <Label3D
            position={[0, -height + 0.02, 0]}
            fontSize={0.04}
            maxWidth={W}
            color={VR_PANEL.subtitle}
            outlineWidth={0.004}
            renderOrder={ON_TOP + 2}
            material-depthTest={false}
          >
            {subtitle}
          </Label3D>
        )}
      </group>
    </>
  )
}
