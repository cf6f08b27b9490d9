import { useEffect, useRef, useState } from 'react'
import type { StationKind } from '../../core/station-live.ts'
import { AttractLoop, type AttractItem } from './attract-loop.tsx'
import { createIdleMachine, runReset, type Busy, type IdleMachine, type IdleState, type ResetActions } from './idle-machine.ts'
import { idleMsFor, useIdleOn, useKioskOn, useKioskSettings } from './kiosk-settings.ts'
import { setupKioskGuards } from './kiosk-guard.ts'
import { StaffExit } from './staff-exit.tsx'
import { kioskText } from './texts.ts'
import { staffAtWork, subscribeXR, useIdleCountdown, xrPresenting } from './kiosk-signals.ts'

export interface KioskLayerProps {
  kind: StationKind | null
  /** the lobby is on screen (the attract loop shows only there) */
  onLobby: boolean
  /** what holds the reset back now */
  busy(): Busy
  reset: ResetActions
  attract: readonly AttractItem[]
}

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
const POINTER = new Set(['pointerdown', 'pointermove', 'touchstart'])
const OFF: IdleState = { phase: 'off', remaining: 0, suppressed: 0, lastBusy: null, warnings: 0 }

/**
 * Kiosk mode and the idle reset on a station: the page guards, the staff exit corner, the
 * countdown and the attract loop. Rendered once by the app; the props are read when needed.
 */
export function KioskLayer(props: KioskLayerProps) {
  const kiosk = useKioskOn()
  const idleOn = useIdleOn()
  const warnSeconds = useKioskSettings((s) => s.warnSeconds)
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })
  const [state, setState] = useState<IdleState>(OFF)
  const machine = useRef<IdleMachine | null>(null)

  useEffect(() => (kiosk ? setupKioskGuards() : undefined), [kiosk])

  useEffect(() => {
    if (!idleOn) return
    const m = createIdleMachine({
      idleMs: () => idleMsFor(useKioskSettings.getState(), latest.current.kind, xrPresenting()),
      warnMs: warnSeconds * 1000,
      busy: () => (staffAtWork.get() ? 'staff' : latest.current.busy()),
      onReset: () => runReset(latest.current.reset),
      onChange(s) {
        setState(s)
        useIdleCountdown.setState({ remaining: s.phase === 'warning' ? s.remaining : null })
      },
    })
    machine.current = m
    // While the countdown or the attract loop covers the screen, a touch is that overlay's own
    // click (so it does not also press what lies beneath); keys, wheel and XR movement count at once.
    const onInput = (e: Event) => {
      const p = m.getState().phase
      if (p === 'watching' || !POINTER.has(e.type)) m.activity()
    }
    for (const type of ACTIVITY) window.addEventListener(type, onInput, { capture: true, passive: true })
    const offXR = subscribeXR(() => m.activity())
    m.start()
    return () => {
      offXR()
      for (const type of ACTIVITY) window.removeEventListener(type, onInput, { capture: true })
      m.stop()
      machine.current = null
      setState(OFF)
      useIdleCountdown.setState({ remaining: null })
    }
  }, [idleOn, warnSeconds])

  const touch = () => machine.current?.activity()
  return (
    <>
      <span
        hidden
        data-testid="idle-status"
        data-phase={state.phase}
        data-suppressed={state.suppressed}
        data-busy={state.lastBusy ?? ''}
        data-warnings={state.warnings}
      />
      {state.phase === 'warning' && <Countdown remaining={state.remaining} onTouch={touch} />}
      {state.phase === 'attract' && props.onLobby && <AttractLoop items={props.attract} onTouch={touch} />}
      {kiosk && <StaffExit />}
    </>
  )
}

/** "还在吗？/ Still there?" in both languages, the seconds left, and the whole screen as the button. */
function Countdown(props: { remaining: number; onTouch(): void }) {
  const n = props.remaining
  return (
    <div
      className="idle-countdown"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      data-testid="idle-countdown"
      data-remaining={n}
      onClick={props.onTouch}
    >
      <div className="idle-box">
        <p id="idle-title" className="idle-title">
          <span lang="zh-CN">{kioskText('zh-CN', 'idle.title')}</span>
          <span lang="en">{kioskText('en', 'idle.title')}</span>
        </p>
        <p className="idle-seconds" aria-live="assertive" data-testid="idle-seconds">
          {n}
        </p>
        <p className="idle-sub">
          <span lang="zh-CN">{kioskText('zh-CN', 'idle.sub', { n })}</span>
          <span lang="en">{kioskText('en', 'idle.sub', { n })}</span>
        </p>
        <button className="btn primary big" data-testid="idle-continue" autoFocus>
          {kioskText('zh-CN', 'idle.continue')} / {kioskText('en', 'idle.continue')}
        </button>
      </div>
    </div>
  )
}
