import { useEffect, useEffectEvent, useState } from 'react'
import type { PassportCode } from '../../core/passport-code.ts'
import type { PassportStatus } from '../passport/index.ts'
import { useStore } from 'zustand'
import type { Lang } from '../../core/manifest-schema.ts'
import type { Registry } from '../../core/registry.ts'
import type { Visit } from '../../core/visit.ts'
import { tApp } from '../../i18n/translate.ts'
import { ExhibitHost } from '../../scene/exhibit-host.tsx'
import { Stage } from '../../scene/stage.tsx'
import { getXRStore } from '../../scene/xr-store.ts'
import { useVRSupported } from '../../scene/use-vr-supported.ts'
import { requestMotionPermission } from '../../scene/cardboard/motion-permission.ts'
import { RunPanel } from './run-panel.tsx'
import { VRPanel } from './vr-panel.tsx'
import { VRHold } from './vr-hold.tsx'
import { VRKeypad } from './vr-keypad.tsx'
import { useExhibitSession, type PageServices } from './use-exhibit-session.ts'
import { XRPoseWatch, type XRActivitySink } from './xr-pose-watch.tsx'

export type ShellServices = PageServices & {
  /** the subtitle line currently shown (for the 3D view in VR) */
  useSubtitle(): string | null
  /** a message that holds the student (the guide's pause), shown in VR instead of the panel; null when none */
  useHoldMessage?(): string | null
  /**
   * Check-in's question to the server (the flat check-in's own): given, a headset offers its
   * in-VR keypad while no passport is checked in; a walk-in-only station leaves it out.
   */
  confirmPassport?(code: PassportCode): Promise<PassportStatus>
  /** Given, head and controller movement in VR is reported to it (the idle reset's activity). */
  xrActivity?: XRActivitySink
}

function VRSubtitle(props: { visit: Visit; lang: Lang; services: ShellServices; onLobby(): void }) {
  const subtitle = props.services.useSubtitle()
  const hold = props.services.useHoldMessage?.() ?? null
  const mode = useStore(getXRStore(), (s) => s.mode)
  const [keypad, setKeypad] = useState(false)
  const confirm = props.services.confirmPassport
  if (mode !== 'immersive-vr') return null
  if (hold) return <VRHold text={hold} />
  if (keypad && confirm) return <VRKeypad lang={props.lang} confirm={confirm} onClose={() => setKeypad(false)} />
  return <VRPanel visit={props.visit} lang={props.lang} subtitle={subtitle} onLobby={props.onLobby} onCheckIn={confirm && (() => setKeypad(true))} />
}

/**
 * The exhibit page: loads an exhibit with visible progress, runs one visit on the shared
 * stage, and isolates failures (the session in core decides what is the exhibit's fault;
 * the per-exhibit boundary inside the Canvas catches render errors).
 */
export default function ExhibitView(props: {
  id: string | null
  lang: Lang
  registry: Registry
  services: ShellServices
  onLobby(): void
  onFailure(kind: 'crashed' | 'notFound' | 'loadFailed'): void
  /** Authoring tools: called with each new visit (and null when it ends). */
  onVisit?(visit: Visit | null): void
}) {
  const { id, lang, registry, services, onLobby, onFailure, onVisit } = props
  const xrStore = getXRStore()
  const vrSupported = useVRSupported(xrStore)
  const xrSession = useStore(xrStore, (s) => s.session)
  const [attempt, setAttempt] = useState(0)
  const { session, state } = useExhibitSession({
    id,
    attempt,
    lang,
    registry,
    services,
    onFailure(kind) {
      void xrStore
        .getState()
        .session?.end()
        .catch(() => {
          /* already ended */
        })
      onFailure(kind)
    },
  })
  const ready = state.status === 'ready' ? state : null
  useVisitObserver(ready?.visit ?? null, onVisit)

  const t = (k: Parameters<typeof tApp>[1], v?: Record<string, string | number>) => tApp(lang, k, v)
  return (
    <div className="exhibit-view" hidden={!id} data-testid="exhibit-view" data-status={state.status === 'closed' ? 'idle' : state.status}>
      <Stage active={!!id} xrStore={xrStore}>
        {ready && session && (
          <>
            {services.xrActivity && <XRPoseWatch sink={services.xrActivity} />}
            <ExhibitHost key={`${attempt}:${lang}`} visit={ready.visit} def={ready.def} onCrash={(e) => session.fail('crashed', e)} />
            <VRSubtitle
              visit={ready.visit}
              lang={lang}
              services={services}
              onLobby={() => {
                void xrSession?.end()
                onLobby()
              }}
            />
          </>
        )}
      </Stage>
      <div className="exhibit-chrome">
        <button className="btn back" data-testid="back-to-lobby" onClick={onLobby}>
          ← {t('exhibit.back')}
        </button>
        {ready &&
          vrSupported &&
          ready.visit.ctx.manifest.modes.includes('vr') &&
          (xrSession ? (
            <button className="btn" data-testid="exit-vr" onClick={() => void xrSession.end()}>
              {t('exhibit.exitVR')}
            </button>
          ) : (
            <button
              className="btn vr"
              data-testid="enter-vr"
              onClick={() => {
                void requestMotionPermission()
                void xrStore.enterVR()
              }}
            >
              {t('exhibit.enterVR')}
            </button>
          ))}
      </div>
      {state.status === 'loading' && (
        <div className="loading" role="progressbar" aria-valuenow={state.pct} aria-valuemin={0} aria-valuemax={100} data-testid="loading">
          <p>{t('exhibit.loading', { pct: state.pct })}</p>
          <div className="bar">
            <div style={{ width: `${state.pct}%` }} />
          </div>
        </div>
      )}
      {ready && <RunPanel visit={ready.visit} onLobby={onLobby} onAgain={() => setAttempt((a) => a + 1)} />}
    </div>
  )
}

/** Authoring tools watch the current visit (the dev preview's step jumps and meters). */
function useVisitObserver(visit: Visit | null, onVisit: ((v: Visit | null) => void) | undefined) {
  const notify = useEffectEvent((v: Visit | null) => onVisit?.(v))
  useEffect(() => {
    if (!visit) return
    notify(visit)
    return () => notify(null)
  }, [visit])
}

/** Before the first Canvas: install the cardboard polyfill where WebXR is missing, then create the XR store. */
export async function prepareXR(): Promise<void> {
  const { setupXRPolyfill } = await import('../../scene/cardboard/setup-polyfill.ts')
  // Dev/e2e only: `?cardboard-desktop` tries the phone cardboard path on a desktop browser.
  const desktop = __SOPHORA_EMULATOR__ && new URLSearchParams(location.search).has('cardboard-desktop')
  if (desktop) (await import('../../scene/cardboard/simulate-no-webxr.ts')).simulateNoWebXR()
  try {
    await setupXRPolyfill({ allowCardboardOnDesktop: desktop })
  } catch (e) {
    console.warn('[sophora] XR polyfill unavailable', e)
  }
  getXRStore()
}
