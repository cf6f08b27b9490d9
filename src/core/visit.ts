import type { Cleanup, ExhibitContext, ExhibitDefinition, ExhibitEvent } from './exhibit-kit.ts'
import type { Lang, LocaleFile, Manifest } from './manifest-schema.ts'
import { isPassed, type RunSpec, type RunState } from './exhibit-run.ts'
import { createRunStore, type RunStore } from './run-store.ts'
import { createResourceTracker } from './resource-tracker.ts'
import { createTranslator } from './translate.ts'

/** Why an unfinished visit ended: the visitor left, the station reset itself when idle, or a guide moved it on. */
export type ExitReason = 'visitor' | 'idle' | 'guide'

/** What the platform lends a visit; exhibits never see these directly. */
export interface VisitServices {
  record(exhibitId: string, e: ExhibitEvent): void
  narrate(cue: string, text: string): void
  stopNarration(): void
  sfx(name: string, opts?: { loop?: boolean; volume?: number }): Cleanup
  /** called once when the visit passes; returns nothing, the passport persists it */
  awardStamp(exhibitId: string, score: number): void
  /** the exhibit failed: the platform unmounts it and returns to the lobby */
  crash(error: unknown): void
  now?(): number
}

export interface Visit {
  ctx: ExhibitContext
  run: RunStore
  spec: RunSpec
  /**
   * Dispose everything tracked; aborts pending async work. Safe to call twice (the first call's
   * reason is the one recorded). `reason`: why an unfinished visit ended (default: the visitor left).
   */
  dispose(reason?: ExitReason): void
}

/**
 * One visit of one exhibit: its ctx, its run store, and the wiring from run transitions
 * to events, narration and the stamp. Pure TS so it is unit-tested in node.
 */
export function createVisit(args: {
  manifest: Manifest
  locales: Partial<Record<Lang, LocaleFile>>
  def: ExhibitDefinition
  /** read at each call: the visitor may switch language mid-visit */
  getLang(): Lang
  services: VisitServices
}): Visit {
  const { manifest, def, getLang, services: sv } = args
  const id = manifest.id
  const now = sv.now ?? Date.now
  const tracker = createResourceTracker()
  const abort = new AbortController()
  let disposed = false
  const t = createTranslator(args.locales, getLang)
  const spec: RunSpec = { steps: def.steps, quiz: def.quiz, pass: manifest.quiz.pass }
  const emit = (e: ExhibitEvent) => {
    if (!disposed) sv.record(id, e)
  }
  // ctx.emit (SDK v1) cannot forge platform events: every event type is the platform's own
  let warnedEmit = false
  const exhibitEmit = (e: ExhibitEvent) => {
    if (warnedEmit) return
    warnedEmit = true
    console.warn(`[${id}] ctx.emit({ type: '${e.type}' }) is ignored: the platform records visit events itself (SDK v2). Remove the call.`)
  }
  const narrate = (cue: string) => {
    if (!disposed) sv.narrate(cue, t(`narration.${cue}`))
  }

  const onChange = (next: RunState, prev: RunState) => {
    if (next.completedSteps.length > prev.completedSteps.length) {
      emit({ type: 'step-completed', data: { stepId: next.completedSteps.at(-1)! } })
    }
    if (next.mistakes > prev.mistakes && next.feedback) {
      emit({ type: 'step-mistake', data: { stepId: spec.steps[next.stepIndex]?.id ?? '', choiceId: next.feedback.choiceId } })
    }
    if (next.phase === 'quiz' && next.feedback && !prev.feedback) {
      const item = spec.quiz[next.quizIndex]
      if (item) emit({ type: 'answer-given', data: { quizId: item.id, choiceId: next.feedback.choiceId, correct: next.feedback.correct } })
    }
    if (next.phase === 'step' && (prev.phase !== 'step' || prev.stepIndex !== next.stepIndex)) {
      const cue = spec.steps[next.stepIndex]?.cue
      if (cue) narrate(cue)
    }
    if (next.phase !== prev.phase && next.phase !== 'step') sv.stopNarration()
    if (next.phase === 'result' && prev.phase !== 'result') {
      const passed = isPassed(spec, next)
      emit({ type: 'exhibit-completed', data: { score: next.score, maxScore: spec.quiz.length, passed, durationMs: now() - next.startedAt } })
      if (passed) {
        sv.awardStamp(id, next.score)
        emit({ type: 'stamp-awarded', data: { stampId: id } })
      }
    }
  }
  const run = createRunStore(spec, onChange, now)

  const ctx: ExhibitContext = {
    manifest,
    get lang() {
      return getLang()
    },
    t,
    progress: {
      completeStep: (stepId) => run.getState().dispatch({ type: 'complete-step', stepId }),
      choose: (choiceId) => run.getState().dispatch({ type: 'choose', choiceId }),
    },
    audio: {
      narrate,
      sfx: (name, opts) => (disposed ? () => {} : tracker.add(sv.sfx(name, opts))),
    },
    track: (o) => tracker.track(o),
    async run(work) {
      try {
        return await work(abort.signal)
      } catch (e) {
        if (!abort.signal.aborted) sv.crash(e)
        return undefined
      }
    },
    emit: exhibitEmit,
  }
  emit({ type: 'exhibit-started' })
  if (manifest.narration.includes('intro')) narrate('intro')
  return {
    ctx,
    run,
    spec,
    dispose(reason: ExitReason = 'visitor') {
      if (disposed) return
      const s = run.getState().state
      if (s.phase !== 'result') emit({ type: 'exhibit-exited', data: { reason, durationMs: Math.max(0, now() - s.startedAt) } })
      disposed = true
      abort.abort()
      sv.stopNarration()
      tracker.disposeAll()
    },
  }
}
