import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { createExhibitSession, type ExhibitSession, type FailureKind, type SessionServices, type SessionState } from '../../core/exhibit-session.ts'
import type { Lang } from '../../core/manifest-schema.ts'
import type { Registry } from '../../core/registry.ts'
import { onPauseChange } from './pause-signal.ts'

const IDLE: SessionState = { status: 'closed' }
const noSubscribe = () => () => {}
const idle = () => IDLE

/** Page-level hooks for a session in the browser: pause (hidden page or guide's pause) and uncaught errors. */
function onUncaught(listener: (error: unknown, source?: string) => void) {
  const onError = (ev: ErrorEvent) => listener(ev.error ?? ev.message, ev.filename)
  const onRejection = (ev: PromiseRejectionEvent) => listener(ev.reason)
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onRejection)
  return () => {
    window.removeEventListener('error', onError)
    window.removeEventListener('unhandledrejection', onRejection)
  }
}

export type PageServices = Omit<SessionServices, 'onVisibility' | 'onUncaught' | 'onFailure'>

/**
 * A thin React binding of `createExhibitSession`: one session per (exhibit, attempt),
 * disposed when either changes or the page unmounts. The language is read live (the
 * visitor may switch mid-visit) without restarting the session.
 */
export function useExhibitSession(opts: {
  id: string | null
  attempt: number
  lang: Lang
  registry: Registry
  services: PageServices
  onFailure(kind: FailureKind | 'notFound'): void
}): { session: ExhibitSession | null; state: SessionState } {
  const { id, attempt, registry, services } = opts
  const [session, setSession] = useState<ExhibitSession | null>(null)
  // Read live by the session, also during render (ctx.t) and from an error boundary, so
  // these are refs kept current after each commit rather than effect events.
  const latest = useRef({ lang: opts.lang, onFailure: opts.onFailure })
  useLayoutEffect(() => {
    latest.current = { lang: opts.lang, onFailure: opts.onFailure }
  })
  const failed = (kind: FailureKind | 'notFound') => latest.current.onFailure(kind)

  useEffect(() => {
    if (!id) return
    const entry = registry.get(id)
    if (!entry) {
      failed('notFound')
      return
    }
    const s = createExhibitSession({
      entry,
      getLang: () => latest.current.lang,
      services: { ...services, onVisibility: onPauseChange, onUncaught, onFailure: (kind) => failed(kind) },
    })
    setSession(s)
    return () => {
      s.dispose()
      setSession(null)
    }
  }, [id, attempt, registry, services])

  const state = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getState ?? idle)
  return { session, state }
}
