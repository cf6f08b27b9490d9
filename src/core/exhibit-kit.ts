import type { ComponentType } from 'react'
import type { Lang, Manifest } from './manifest-schema.ts'

/** What `setupX`/subscriptions return: undo what was done. */
export type Cleanup = () => void

/**
 * Translate one of the exhibit's own locale keys, with {name} interpolation. `K` is the
 * exhibit's key union (`useExhibit<typeof zh>()` sets it), so a key missing from the locale
 * file is a type error; plain `TFn` takes any string (the SDK v1 form).
 */
export type TFn<K extends string = string> = (key: K, vars?: Record<string, string | number>) => string

/** A choice inside a step or a quiz item. */
export interface Choice {
  id: string
  /** locale key of the choice label */
  label: string
  correct: boolean
  /** locale key shown after choosing: the reason (always given, also when right) */
  feedback: string
}

/** One step of the guided experience; data only. */
export interface StepDef {
  id: string
  /** locale key of the situation/prompt */
  prompt: string
  /** narration cue played when the step opens */
  cue?: string
  choices: Choice[]
}

/** One quiz question after the steps; data only. */
export interface QuizItem {
  id: string
  /** locale key of the question */
  question: string
  choices: Choice[]
  /** locale key of the explanation shown after answering */
  explanation: string
}

/** The kinds of visit event (see ExhibitEvent). */
export type ExhibitEventType =
  'exhibit-started' | 'step-completed' | 'step-mistake' | 'answer-given' | 'exhibit-completed' | 'stamp-awarded' | 'exhibit-crashed' | 'exhibit-exited'

/**
 * A visit event: start, step, answer, completion, stamp, crash and exit. The platform writes
 * every one of them itself from the run (an exhibit cannot make them: see ExhibitContext.emit);
 * it adds ids, time, station and passport.
 */
export interface ExhibitEvent {
  type: ExhibitEventType
  data?: Record<string, string | number | boolean | null>
}

/** What `ExhibitDefinition.preload` receives. */
export interface PreloadArgs {
  signal: AbortSignal
  /** 0..1 */
  onProgress(fraction: number): void
}

/**
 * The one object an exhibit talks to the platform through (in a Scene: `useExhibit()`).
 * `K` is the exhibit's locale-key union; see TFn.
 */
export interface ExhibitContext<K extends string = string> {
  /** the exhibit's manifest.json, validated */
  readonly manifest: Manifest
  /** the visitor's language now (it may change during a visit: read it in render) */
  readonly lang: Lang
  /** the exhibit's own texts in the visitor's language, centre overrides applied */
  t: TFn<K>
  progress: {
    /** Complete the current step from the scene (e.g. the student touched the door). */
    completeStep(stepId: string): void
    choose(choiceId: string): void
  }
  audio: {
    /** Speak `narration.<cue>` (mp3 from assets/narration, subtitles from the locale file); stops the one before. */
    narrate(cue: string): void
    /** Start a sound from the definition's `sfx` (or a platform one); the returned Cleanup stops it, exit stops all. */
    sfx(name: string, opts?: { loop?: boolean; volume?: number }): Cleanup
  }
  /** Dispose this object when the exhibit exits. */
  track<T extends { dispose(): void }>(o: T): T
  /** Run async work: a rejection crashes the exhibit cleanly instead of escaping. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined>
  /**
   * @deprecated SDK v1. Ignored since v2: the platform records starts, steps, answers,
   * completion and stamps from the run itself, so an exhibit cannot forge them. Remove the
   * call; report progress with `progress.choose` / `progress.completeStep`. (The build warns.)
   */
  emit(e: ExhibitEvent): void
}

/** What the platform passes an exhibit's Scene; `useExhibit()` returns the same ctx, typed. */
export interface SceneProps {
  ctx: ExhibitContext
}

/** What `index.ts` exports by default (through defineExhibit). */
export interface ExhibitDefinition {
  steps: StepDef[]
  quiz: QuizItem[]
  /** The R3F scene; rendered inside the platform's Canvas, under its error boundary. */
  Scene: ComponentType<SceneProps>
  /** Cancellable loading (assets); report progress 0..1. */
  preload?(args: PreloadArgs): Promise<void>
  /** Sound effect name -> URL (use `new URL('./assets/x.mp3', import.meta.url).href`). */
  sfx?: Record<string, string>
  /** Optional hooks. Each may return a Cleanup run on exit. */
  onEnter?(ctx: ExhibitContext): Cleanup | void
  /** The page was hidden (screen off, headset taken off) or a guide paused the station. */
  onPause?(): void
  /** Shown again and not paused by a guide: carry on where `onPause` stopped. */
  onResume?(): void
}

/** Typing helper only; returns its argument. `export default defineExhibit({ steps, quiz, Scene })` in index.ts. */
export function defineExhibit(def: ExhibitDefinition): ExhibitDefinition {
  return def
}
