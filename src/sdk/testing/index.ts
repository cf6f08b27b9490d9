/**
 * `@sophora/sdk/testing`: what an exhibit's own tests need to run its Scene without the
 * platform, so they import nothing from src/. Test code only (it imports vitest); exhibit
 * code outside `__tests__/` may not import it (tests/contract/boundaries.ts).
 *
 * In a scene test, `const s = await renderScene(import.meta.url)` mounts the Scene of the
 * exhibit whose __tests__/ holds the test, with its real steps, quiz, manifest and locale
 * tables; `t` throws on a missing key, and every Label3D renders as a plain group named
 * `label:<text>` (troika needs real WebGL and font files), found with `s.labels(text)`.
 * (Pass import.meta.url itself: Vite rewrites `new URL('..', import.meta.url)` into an asset URL.)
 * The generic checks (manifest order, one right choice, ids, locale keys, a played-through
 * run) are the contract tests': an exhibit's own tests check only what its lesson teaches.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ReactThreeTestRenderer, { type ReactThreeTest } from '@react-three/test-renderer'
import { act, createElement, type ComponentType, type ReactElement, type ReactNode } from 'react'
import type { ExhibitContext, ExhibitDefinition, ExhibitEvent, QuizItem, SceneProps, StepDef, TFn } from '../../core/exhibit-kit.ts'
import type { RunAction, RunSpec, RunState } from '../../core/exhibit-run.ts'
import { LANGS, ManifestSchema, type Lang, type Manifest } from '../../core/manifest-schema.ts'
import { createRunStore, type RunStore } from '../../core/run-store.ts'
import { interpolate } from '../../core/translate.ts'
import { ExhibitReactContext } from '../exhibit-react-context.ts'
import { ModelReader } from '../model.ts'
import { Label3DStandIn, type Label3DProps } from '../text/label-3d.tsx'

export { centerIds, loadCenter, type TestCenter } from './centers.ts'

// the test renderer drives React through act(); React reads this flag on every act()
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** An exhibit's locale files as read from disk: language → key → text. */
export type LocaleTables = Record<Lang, Record<string, string>>

/** The exhibit's own files (manifest.json is checked by the schema). */
export interface ExhibitFiles {
  manifest: unknown
  steps: StepDef[]
  quiz: QuizItem[]
  locales: LocaleTables
}

/**
 * manifest.json (checked by the schema) and the locale tables of the exhibit whose
 * `__tests__/` holds the file at `testFileUrl` (a test's import.meta.url). Node only.
 */
export function readExhibitData(testFileUrl: string): { manifest: Manifest; locales: LocaleTables } {
  const json = (p: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../${p}`, testFileUrl)), 'utf8'))
  const locales = Object.fromEntries(LANGS.map((l) => [l, json(`locales/${l}.json`) as Record<string, string>])) as LocaleTables
  return { manifest: ManifestSchema.parse(json('manifest.json')), locales }
}

/** That exhibit as the platform loads it: readExhibitData plus index.ts's definition. */
export async function loadExhibit(testFileUrl: string): Promise<ExhibitFiles & { Scene: ComponentType<SceneProps> }> {
  const def = ((await import(/* @vite-ignore */ new URL('../index.ts', testFileUrl).href)) as { default: ExhibitDefinition }).default
  return { ...readExhibitData(testFileUrl), steps: def.steps, quiz: def.quiz, Scene: def.Scene }
}

/**
 * `t` over the exhibit's real locale table for `lang`, with {name} interpolation like the
 * platform's, but a missing or empty key throws instead of showing the key.
 */
export function strictTranslator(locales: LocaleTables, lang: Lang): TFn {
  return (key, vars) => {
    const text = locales[lang][key]
    if (!text) throw new Error(`locales/${lang}.json has no text for "${key}"`)
    return interpolate(text, vars)
  }
}

/** A context like the platform's, recording what the scene asks of it. */
export interface TestExhibit {
  ctx: ExhibitContext
  run: RunStore
  spec: RunSpec
  /** choice ids passed to ctx.progress.choose, in order */
  chosen: string[]
  narrated: string[]
  /** sound effects started, and those whose cleanup ran */
  sfx: string[]
  stopped: string[]
  /** objects handed to ctx.track or useTracked (disposed by the platform on exit) */
  tracked: { dispose(): void }[]
  /** what the exhibit passed to the deprecated ctx.emit (the platform ignores it): expect none */
  events: ExhibitEvent[]
  state(): RunState
  /** `node` inside the providers the SDK hooks (useExhibit, useRun, useTapChoice, useTracked) and Label3D read */
  provide(node: ReactNode): ReactElement
}

/** The platform's visit wiring without the platform: see TestExhibit. */
export function createTestExhibit(files: ExhibitFiles, lang: Lang = 'zh-CN'): TestExhibit {
  const manifest = ManifestSchema.parse(files.manifest)
  const spec: RunSpec = { steps: files.steps, quiz: files.quiz, pass: manifest.quiz.pass }
  const run = createRunStore(spec)
  const x = {
    chosen: [] as string[],
    narrated: [] as string[],
    sfx: [] as string[],
    stopped: [] as string[],
    tracked: [] as { dispose(): void }[],
    events: [] as ExhibitEvent[],
  }
  const ctx: ExhibitContext = {
    manifest,
    lang,
    t: strictTranslator(files.locales, lang),
    progress: {
      choose: (id) => {
        x.chosen.push(id)
        run.getState().dispatch({ type: 'choose', choiceId: id })
      },
      completeStep: (id) => run.getState().dispatch({ type: 'complete-step', stepId: id }),
    },
    audio: {
      narrate: (cue) => {
        x.narrated.push(cue)
      },
      sfx: (name) => {
        x.sfx.push(name)
        return () => {
          x.stopped.push(name)
        }
      },
    },
    track: (o) => {
      x.tracked.push(o)
      return o
    },
    run: async (work) => work(new AbortController().signal),
    emit: (e) => {
      x.events.push(e)
    },
  }
  return {
    ...x,
    ctx,
    run,
    spec,
    state: () => run.getState().state,
    provide: (node) =>
      createElement(
        ExhibitReactContext.Provider,
        { value: { ctx, run, spec } },
        createElement(Label3DStandIn.Provider, { value: Label3DStub }, createElement(ModelReader.Provider, { value: readModelFile }, node)),
      ),
  }
}

/** What renderScene returns: the test context plus the mounted scene and ways to act on it. */
export interface RenderedScene extends TestExhibit {
  renderer: ReactThreeTest.Renderer
  /** dispatch a run action inside act(), as the platform's panel would */
  dispatch(a: RunAction): Promise<void>
  /** the one object whose three.js name is `name` */
  byName(name: string): ReactThreeTest.ReactThreeTestInstance
  /** a click (mouse, touch or XR select) on `node`, through its onClick */
  click(node: ReactThreeTest.ReactThreeTestInstance): Promise<void>
  /** the Label3D nodes showing `text` (stand-ins: plain groups) */
  labels(text: string): ReactThreeTest.ReactThreeTestInstance[]
}

/**
 * Mount the Scene of the exhibit under test (`testFileUrl`: the test's import.meta.url, see
 * loadExhibit) with @react-three/test-renderer, inside a test context (see createTestExhibit).
 */
export async function renderScene(testFileUrl: string, lang: Lang = 'zh-CN'): Promise<RenderedScene> {
  const { Scene, ...files } = await loadExhibit(testFileUrl)
  // useModel fetches its loaders as a chunk at the first model; loaded here first, a scene's models
  // arrive within the renderer's act(), as the page's do within its loading screen
  await import('../model-loader.ts')
  const x = createTestExhibit(files, lang)
  const renderer = await ReactThreeTestRenderer.create(x.provide(createElement(Scene, { ctx: x.ctx })))
  return {
    ...x,
    renderer,
    dispatch: (a) => act(async () => x.run.getState().dispatch(a)),
    byName: (name) => renderer.scene.find((n) => n.instance.name === name),
    click: async (node) => {
      await renderer.fireEvent(node, 'click', { stopPropagation: () => {} })
    },
    labels: (text) => renderer.scene.findAll((n) => n.props.name === `label:${text}`),
  }
}

/**
 * useModel's files in tests: Vite turns `new URL('../assets/models/x.glb', import.meta.url)` into
 * `http://localhost:3000/exhibits/<id>/assets/models/x.glb`, here read from the project's folder.
 */
async function readModelFile(url: string): Promise<ArrayBuffer> {
  const b = readFileSync(join(process.cwd(), decodeURIComponent(new URL(url, 'http://localhost/').pathname)))
  // a copy in this realm's ArrayBuffer (GLTFLoader tests `instanceof ArrayBuffer`; Node's Buffer pool is another realm's under jsdom)
  const out = new ArrayBuffer(b.byteLength)
  new Uint8Array(out).set(b)
  return out
}

/** Stands in for Label3D in tests: a plain group named `label:<text>` at the label's position. */
export function Label3DStub(p: Label3DProps | { children?: ReactNode }): ReactElement {
  const { position } = p as Label3DProps
  return createElement('group', { name: `label:${String(p.children)}`, position })
}

/**
 * @deprecated SDK v1: renderScene and TestExhibit.provide stub Label3D themselves now, so the
 * `vi.mock('@sophora/sdk', …withLabel3DStub…)` line can go. Still works.
 */
export function withLabel3DStub(sdk: unknown): Record<string, unknown> {
  return { ...(sdk as Record<string, unknown>), Label3D: Label3DStub }
}
