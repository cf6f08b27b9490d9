import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { ExhibitDefinition } from '../../core/exhibit-kit.ts'
import type { Lang } from '../../core/manifest-schema.ts'
import type { Registry } from '../../core/registry.ts'
import { createVisit, type Visit, type VisitServices } from '../../core/visit.ts'
import { tApp } from '../../i18n/translate.ts'
import { ExhibitHost } from '../../scene/exhibit-host.tsx'
import { RunPanel } from './run-panel.tsx'
import { Stage } from '../../scene/stage.tsx'
import { VRPanel } from './vr-panel.tsx'
import { getXRStore } from '../../scene/xr-store.ts'
import { useVRSupported } from '../../scene/use-vr-supported.ts'
import { preloadLabelFont } from '../../sdk/text/label-3d.tsx'
import { requestMotionPermission } from '../../scene/cardboard/motion-permission.ts'

export type ShellServices = Omit<VisitServices, 'crash'> & {
  /** the subtitle line currently shown (for the 3D view in VR) */
  useSubtitle(): string | null
  /** Load this visit's narration and sound effects; resolves to the cleanup that unloads them. */
  openAudio(exhibitId: string, lang: Lang, sfx: Record<string, string> | undefined, onProgress: (f: number) => void, signal: AbortSignal): Promise<() => void>
}

type Load =
  | { status: 'idle' }
  | { status: 'loading'; pct: number }
  | { status: 'ready'; def: ExhibitDefinition; visit: Visit }

function VRSubtitle(props: { visit: Visit; lang: Lang; services: ShellServices; onLobby(): void }) {
  const subtitle = props.services.useSubtitle()
  const mode = useStore(getXRStore(), (s) => s.mode)
  if (mode !== 'immersive-vr') return null
  return <VRPanel visit={props.visit} lang={props.lang} subtitle={subtitle} onLobby={props.onLobby} />
}

/**
 * Loads an exhibit (code chunk, its preload, the 3D font) with visible progress, runs one
 * visit, and isolates failures: any error — render, effect, handler, promise, load —
 * unmounts and disposes the exhibit and returns the visitor to the lobby with a message.
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
  const session = useStore(xrStore, (s) => s.session)
  const [load, setLoad] = useState<Load>({ status: 'idle' })
  const [attempt, setAttempt] = useState(0)
  const langRef = useRef(lang)
  langRef.current = lang
  const failed = useRef(false)
  const failRef = useRef<(kind: 'crashed' | 'loadFailed', e: unknown) => void>(() => {})

  useEffect(() => {
    if (!id) { setLoad({ status: 'idle' }); return }
    const entry = registry.get(id)
    if (!entry) { onFailure('notFound'); return }
    failed.current = false
    const abort = new AbortController()
    let visit: Visit | undefined
    let closeAudio: (() => void) | undefined
    let loaded: ExhibitDefinition | undefined
    const fail = (kind: 'crashed' | 'loadFailed', e: unknown) => {
      if (failed.current) return
      failed.current = true
      console.error(`[sophora] exhibit "${id}" ${kind}:`, e)
      services.record(id, { type: 'exhibit-crashed', data: { message: String((e as Error)?.message ?? e).slice(0, 500) } })
      void xrStore.getState().session?.end().catch(() => {})
      onFailure(kind)
    }
    failRef.current = fail
    // pause/resume: the page is hidden (kiosk screen off, tab switched, headset taken off)
    const onVisibility = () => {
      const def = loaded
      if (!def) return
      try { if (document.hidden) def.onPause?.(); else def.onResume?.() } catch (e) { fail('crashed', e) }
    }
    document.addEventListener('visibilitychange', onVisibility)
    const onError = (ev: ErrorEvent) => fail('crashed', ev.error ?? ev.message)
    const onRejection = (ev: PromiseRejectionEvent) => fail('crashed', ev.reason)
    window.addEventListener('error', onError)
    window.addEventListener('unhandledrejection', onRejection)

    setLoad({ status: 'loading', pct: 0 })
    void (async () => {
      try {
        const { def, locales } = await entry.load()
        if (abort.signal.aborted) return
        setLoad({ status: 'loading', pct: 30 })
        const pct = (from: number, span: number) => (f: number) => setLoad({ status: 'loading', pct: from + Math.round(Math.min(1, Math.max(0, f)) * span) })
        await def.preload?.({ signal: abort.signal, onProgress: pct(30, 35) })
        if (abort.signal.aborted) return
        closeAudio = await services.openAudio(id, langRef.current, def.sfx, pct(65, 25), abort.signal)
        if (abort.signal.aborted) { closeAudio(); return }
        setLoad({ status: 'loading', pct: 90 })
        await preloadLabelFont()
        if (abort.signal.aborted) return
        visit = createVisit({
          manifest: entry.manifest, locales, def, getLang: () => langRef.current,
          services: { ...services, crash: (e) => fail('crashed', e) },
        })
        loaded = def
        setLoad({ status: 'ready', def, visit })
        onVisit?.(visit)
      } catch (e) {
        if (!abort.signal.aborted) fail('loadFailed', e)
      }
    })()
    return () => {
      abort.abort()
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onRejection)
      document.removeEventListener('visibilitychange', onVisibility)
      if (visit) onVisit?.(null)
      visit?.dispose()
      closeAudio?.()
      setLoad({ status: 'idle' })
    }
    // services/onFailure are stable for the app's lifetime
  }, [id, attempt, registry])

  const t = (k: Parameters<typeof tApp>[1], v?: Record<string, string | number>) => tApp(lang, k, v)
  const ready = load.status === 'ready' ? load : null
  return (
    <div className="exhibit-view" hidden={!id} data-testid="exhibit-view" data-status={load.status}>
      <Stage active={!!id} xrStore={xrStore}>
        {ready && (
          <>
            <ExhibitHost key={`${attempt}:${lang}`} visit={ready.visit} def={ready.def} onCrash={(e) => failRef.current('crashed', e)} />
            <VRSubtitle visit={ready.visit} lang={lang} services={services} onLobby={() => { void session?.end(); onLobby() }} />
          </>
        )}
      </Stage>
      <div className="exhibit-chrome">
        <button className="btn back" data-testid="back-to-lobby" onClick={onLobby}>← {t('exhibit.back')}</button>
        {ready && vrSupported && ready.visit.ctx.manifest.modes.includes('vr') && (
          session
            ? <button className="btn" data-testid="exit-vr" onClick={() => void session.end()}>{t('exhibit.exitVR')}</button>
            : <button className="btn vr" data-testid="enter-vr" onClick={() => { void requestMotionPermission(); void xrStore.enterVR() }}>{t('exhibit.enterVR')}</button>
        )}
      </div>
      {load.status === 'loading' && (
        <div className="loading" role="progressbar" aria-valuenow={load.pct} aria-valuemin={0} aria-valuemax={100} data-testid="loading">
          <p>{t('exhibit.loading', { pct: load.pct })}</p>
          <div className="bar"><div style={{ width: `${load.pct}%` }} /></div>
        </div>
      )}
      {ready && <RunPanel visit={ready.visit} onLobby={onLobby} onAgain={() => setAttempt((a) => a + 1)} />}
    </div>
  )
}

/** Before the first Canvas: install the cardboard polyfill where WebXR is missing, then create the XR store. */
export async function prepareXR(): Promise<void> {
  const { setupXRPolyfill } = await import('../../scene/cardboard/setup-polyfill.ts')
  // Dev/e2e only: `?cardboard-desktop` tries the phone cardboard path on a desktop browser.
  const desktop = __SOPHORA_EMULATOR__ && new URLSearchParams(location.search).has('cardboard-desktop')
  if (desktop) (await import('../../scene/cardboard/simulate-no-webxr.ts')).simulateNoWebXR()
  try { await setupXRPolyfill({ allowCardboardOnDesktop: desktop }) } catch (e) { console.warn('[sophora] XR polyfill unavailable', e) }
  getXRStore()
}
