/**
 * The Sophora exhibit SDK: the ONLY project module an exhibit may import
 * (three, react, @react-three/* are fine too). Everything here is stable API.
 * See docs/authoring-exhibits.md.
 */
export { defineExhibit } from '../core/exhibit-kit.ts'
export type {
  Choice,
  Cleanup,
  ExhibitContext,
  ExhibitDefinition,
  ExhibitEvent,
  ExhibitEventType,
  PreloadArgs,
  QuizItem,
  SceneProps,
  StepDef,
  TFn,
} from '../core/exhibit-kit.ts'
export type { Lang, Manifest } from '../core/manifest-schema.ts'
export type { RunPhase, RunState, Feedback } from '../core/exhibit-run.ts'
export { pulse, useExhibit, useRun, useTapChoice, type RunView, type TapPair } from './hooks.ts'
export { Label3D } from './text/label-3d.tsx'
export { mergeBoxes, type BoxPart, type Vec3 } from './merge-boxes.ts'
export { centerVariant } from './center.ts'
export { useReducedMotion, REDUCED_MOTION_SCALE } from './reduced-motion.ts'
