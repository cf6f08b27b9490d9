import type { ComponentType } from 'react'
import type { Lang, Manifest } from './manifest-schema.ts'

/** What `setupX`/subscriptions return: undo what was done. */
export type Cleanup = () => void

/** Translate one of the exhibit's own locale keys, with {name} interpolation. */
export type TFn = (key: string, vars?: Record<string, string | number>) => string

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

export interface QuizItem {
  id: string
  /** locale key of the question */
  question: string
  choices: Choice[]
  /** locale key of the explanation shown after answering */
  explanation: string
}

export type ExhibitEventType =
  'exhibit-started' | 'step-completed' | 'step-mistake' | 'answer-given' | 'exhibit-completed' | 'stamp-awarded' | 'exhibit-crashed' | 'exhibit-exited'

/** What an exhibit may report; the platform adds ids, time, station and passport. */
export interface ExhibitEvent {
  type: ExhibitEventType
  data?: Record<string, string | number | boolean | null>
}

export interface PreloadArgs {
  signal: AbortSignal
  /** 0..1 */
  onProgress(fraction: number): void
}

/** The one object an exhibit talks to the platform through. */
export interface ExhibitContext {
  readonly manifest: Manifest
  readonly lang: Lang
  t: TFn
  progress: {
    /** Complete the current step from the scene (e.g. the student touched the door). */
    completeStep(stepId: string): void
    choose(choiceId: string): void
  }
  audio: { narrate(cue: string): void; sfx(name: string, opts?: { loop?: boolean; volume?: number }): Cleanup }
  /** Dispose this object when the exhibit exits. */
  track<T extends { dispose(): void }>(o: T): T
  /** Run async work: a rejection crashes the exhibit cleanly instead of escaping. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined>
  emit(e: ExhibitEvent): void
}

export interface SceneProps {
  ctx: ExhibitContext
}

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

/** Typing helper only; returns its argument. */
export function defineExhibit(def: ExhibitDefinition): ExhibitDefinition {
  return def
}
