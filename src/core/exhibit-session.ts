import type { Cleanup, ExhibitDefinition } from './exhibit-kit.ts'
import type { Lang } from './manifest-schema.ts'
import type { ExhibitEntry } from './registry.ts'
import { errorBelongsToExhibit } from './crash-attribution.ts'
import { createVisit, type Visit, type VisitServices } from './visit.ts'

export type FailureKind = 'crashed' | 'loadFailed'

export type SessionState =
  | { status: 'loading'; pct: number }
  | { status: 'ready'; def: ExhibitDefinition; visit: Visit }
  | { status: 'failed'; kind: FailureKind }
  | { status: 'closed' }

/** What the page lends a session: the visit's services plus the page-level hooks it needs. */
export interface SessionServices extends Omit<VisitServices, 'crash'> {
  /** Load the visit's narration and sound effects; resolves to the cleanup that unloads them. */
  openAudio(exhibitId: string, lang: Lang, sfx: Record<string, string> | undefined, onProgress: (f: number) => void, signal: AbortSignal): Promise<Cleanup>
  /** Resolves when the 3D font can draw (shared by every exhibit). */
  preloadFont(): Promise<void>
  /** Page visibility changes (kiosk screen off, headset taken off): listener gets `hidden`. */
  onVisibility(listener: (hidden: boolean) => void): Cleanup
  /** Uncaught errors and rejections of the page. The session keeps only its exhibit's own. */
  onUncaught(listener: (error: unknown, source?: string) => void): Cleanup
  /** The session failed; the page unmounts it and returns the visitor to the lobby. */
  onFailure(kind: FailureKind, error: unknown): void
}

export interface ExhibitSession {
  getState(): SessionState
  subscribe(listener: () => void): Cleanup
  /** The exhibit's error boundary (inside the Canvas) caught something. */
  fail(kind: FailureKind, error: unknown): void
  /** Ends the visit: aborts loading, disposes the visit and its audio. Safe to call twice. */
  dispose(): void
}

const clamp01 = (f: number) => Math.min(1, Math.max(0, f))

/**
 * One exhibit opened on a station, from its first byte to its exit: loads the code
 * chunk, its preload, audio and the 3D font with progress; runs one visit; pauses and
 * resumes it with the page; isolates failures (any error from the exhibit's own code
 * fails only this session). Plain TS, so the lifecycle is unit-tested without React.
 */
export function createExhibitSession(args: { entry: ExhibitEntry; getLang(): Lang; services: SessionServices }): ExhibitSession {
  const { entry, getLang, services: sv } = args
  const id = entry.id
  const abort = new AbortController()
  const listeners = new Set<() => void>()
  const cleanups: Cleanup[] = []
  let state: SessionState = { status: 'loading', pct: 0 }
  let ended = false

  const set = (next: SessionState) => {
    state = next
    for (const l of listeners) l()
  }
  const progress = (from: number, span: number) => (f: number) => {
    if (!ended) set({ status: 'loading', pct: from + Math.round(clamp01(f) * span) })
  }

  const fail = (kind: FailureKind, error: unknown) => {
    if (ended) return
    console.error(`[sophora] exhibit "${id}" ${kind}:`, error)
    sv.record(id, { type: 'exhibit-crashed', data: { message: String((error as Error | undefined)?.message ?? error).slice(0, 500) } })
    teardown()
    set({ status: 'failed', kind })
    sv.onFailure(kind, error)
  }

  const teardown = () => {
    ended = true
    abort.abort()
    for (const c of cleanups.splice(0).reverse()) {
      try {
        c()
      } catch (e) {
        console.error('[sophora] cleanup failed', e)
      }
    }
  }

  cleanups.push(
    sv.onUncaught((error, source) => {
      // Only the exhibit's own code: a bug in audio, sync or the shell must not eject the student.
      if (errorBelongsToExhibit(error, id, source)) fail('crashed', error)
    }),
  )

  void (async () => {
    try {
      const { def, locales } = await entry.load()
      if (ended) return
      set({ status: 'loading', pct: 30 })
      await def.preload?.({ signal: abort.signal, onProgress: progress(30, 35) })
      if (ended) return
      const closeAudio = await sv.openAudio(id, getLang(), def.sfx, progress(65, 25), abort.signal)
      if (ended) {
        closeAudio()
        return
      }
      cleanups.push(closeAudio)
      set({ status: 'loading', pct: 90 })
      await sv.preloadFont()
      if (ended) return
      const visit = createVisit({ manifest: entry.manifest, locales, def, getLang, services: { ...sv, crash: (e) => fail('crashed', e) } })
      cleanups.push(() => visit.dispose())
      cleanups.push(
        sv.onVisibility((hidden) => {
          try {
            if (hidden) def.onPause?.()
            else def.onResume?.()
          } catch (e) {
            fail('crashed', e)
          }
        }),
      )
      set({ status: 'ready', def, visit })
    } catch (e) {
      if (!ended) fail('loadFailed', e)
    }
  })()

  return {
    getState: () => state,
    subscribe(l) {
      listeners.add(l)
      return () => {
        listeners.delete(l)
      }
    },
    fail,
    dispose() {
      if (ended) return
      teardown()
      set({ status: 'closed' })
    },
  }
}
