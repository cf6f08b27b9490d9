/**
 * The Sophora exhibit SDK: the ONLY project module an exhibit may import
 * (three, react, @react-three/* are fine too). Everything exported here is stable API (v2);
 * what is marked `@deprecated` is SDK v1, still working, and the build names each use.
 * Tests import `@sophora/sdk/testing` as well. See docs/authoring-exhibits.md.
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
export { choice, quizItem, step, type ChoiceKeys, type StepOptions } from './builders.ts'
export { pulse, useExhibit, useRun, useTapChoice, useTracked, type RunView, type TapPair } from './hooks.ts'
export { useSceneFog } from './scene-fog.ts'
export { Label3D, type Label3DProps } from './text/label-3d.tsx'
export { mergeParts, type Part } from './merge-parts.ts'
export { boxPart, mergeBoxes, type BoxPart, type Vec3 } from './merge-boxes.ts'
export { centerVariant } from './center.ts'
export { useReducedMotion, REDUCED_MOTION_SCALE } from './reduced-motion.ts'
export { applyBakedLight, bakedGeometry } from './baked-light.ts'
export { createBillboards, hash01, type BillboardOptions, type Billboards } from './particles.ts'
export { particleTexture, type ParticleShape } from './particle-texture.ts'
export { skyDome, type SkyDomeOptions } from './sky-dome.ts'
export type { BakeSpec, BakedShell } from '../core/bake-spec.ts'
export type { SignColors } from '../core/contrast.ts'
export { useModel, type Model, type ModelPart } from './model.ts'
export { ModelMesh, type ModelMeshProps } from './model-mesh.tsx'
