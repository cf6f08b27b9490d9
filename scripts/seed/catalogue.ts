import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { describeProblems } from '../../src/build/exhibit-folders.ts'
import { readPanoramaFolder } from '../../src/build/panorama-folder.ts'
import { ManifestSchema as ManifestFileSchema } from '../../src/core/manifest-schema.ts'
import { PANORAMA_FILE, panoramaSpec } from '../../src/core/panorama.ts'
import { z } from 'zod'
import { pathToFileURL } from 'node:url'

const ChoiceSchema = z.object({ id: z.string(), correct: z.boolean().optional() })
const ItemSchema = z.object({ id: z.string(), choices: z.array(ChoiceSchema).min(2) })
const ManifestSchema = z.object({ id: z.string(), minutes: z.number().positive(), modes: z.array(z.enum(['flat', 'vr'])).optional() })

export interface SeedItem {
  id: string
  correct: string
  /** Each wrong choice with its weight: how often children pick it, relative to the other wrong ones. */
  wrong: [string, number][]
  /** Share of answers that are right. */
  pCorrect: number
}
export interface SeedExhibit {
  id: string
  minutes: number
  vr: boolean
  steps: SeedItem[]
  quiz: SeedItem[]
  pass: number
}

/**
 * The misconceptions children hold most, per quiz item: a wrong choice's weight and the
 * item's share of right answers. Figures are the project's own assumptions for demo data
 * (not survey results), shaped like what guides report: the lift in a fire is the classic
 * one (~30% pick it). Items not listed get 70% right and the first wrong choice thrice as
 * likely as each other one, so every item has one clear top mistake.
 */
export const MISCONCEPTIONS: Record<string, Record<string, { pCorrect: number; wrong: Record<string, number> }>> = {
  'fire-escape': {
    lift: { pCorrect: 0.62, wrong: { 'q-take-lift': 30, 'q-run-up': 8 } },
    hiding: { pCorrect: 0.7, wrong: { 'q-under-bed': 20, 'q-wardrobe': 10 } },
    'clothes-fire': { pCorrect: 0.55, wrong: { 'q-stop-drop-roll': 40, 'q-pack-up': 5 } },
  },
  earthquake: {
    'triangle-of-life': { pCorrect: 0.6, wrong: { 'q-triangle-of-life': 15, 'q-run-out-now': 25 } },
    doorway: { pCorrect: 0.58, wrong: { 'q-doorway': 35, 'q-window-side': 7 } },
    'run-outside': { pCorrect: 0.6, wrong: { 'q-run-downstairs': 32, 'q-jump-down': 8 } },
  },
  'flood-typhoon': {
    'shallow-water': { pCorrect: 0.65, wrong: { 'q-wade-shallow': 28, 'q-ride-through': 7 } },
    'typhoon-eye': { pCorrect: 0.55, wrong: { 'q-eye-over': 35, 'q-eye-quick': 10 } },
  },
  'waste-sorting': {
    bones: { pCorrect: 0.5, wrong: { 'q-bones-food': 40, 'q-bones-hazardous': 10 } },
    battery: { pCorrect: 0.65, wrong: { 'q-battery-grey': 30, 'q-battery-soil': 5 } },
  },
}

function seedItem(exhibitId: string, raw: z.infer<typeof ItemSchema>, pCorrectDefault: number, isQuiz: boolean): SeedItem {
  const correct = raw.choices.find((c) => c.correct)?.id
  if (!correct) throw new Error(`${exhibitId}/${raw.id}: no right choice`)
  const wrongIds = raw.choices.filter((c) => !c.correct).map((c) => c.id)
  const known = isQuiz ? MISCONCEPTIONS[exhibitId]?.[raw.id] : undefined
  for (const id of Object.keys(known?.wrong ?? {})) if (!wrongIds.includes(id)) throw new Error(`${exhibitId}/${raw.id}: no wrong choice ${id}`)
  const wrong = wrongIds.map((id, i): [string, number] => [id, known ? (known.wrong[id] ?? 1) : i === 0 ? 3 : 1])
  return { id: raw.id, correct, wrong, pCorrect: known?.pCorrect ?? pCorrectDefault }
}

export type ModuleLoader = (file: string) => Promise<Record<string, unknown>>

/** Node's own import: enough where `@sophora/sdk` resolves already (under Vitest); plain tsx needs `withExhibitModules`. */
const nativeImport: ModuleLoader = (file) => import(pathToFileURL(file).href) as Promise<Record<string, unknown>>

/** Every exhibit folder with a manifest and its steps and quiz (steps.ts/quiz.ts or scenes.yaml): its items and which choices are wrong. */
export async function loadCatalogue(dirs: readonly string[], load: ModuleLoader = nativeImport): Promise<SeedExhibit[]> {
  {
    const out: SeedExhibit[] = []
    for (const dir of dirs.map((d) => resolve(d))) {
      for (const id of readdirSync(dir).sort()) {
        const at = (f: string) => join(dir, id, f)
        if (!existsSync(at('manifest.json'))) continue
        const raw: unknown = JSON.parse(readFileSync(at('manifest.json'), 'utf8'))
        const content = await exhibitContent(join(dir, id), raw, load)
        if (!content) continue
        const m = ManifestSchema.parse(raw)
        const steps = z.array(ItemSchema).parse(content.steps)
        const quiz = z.array(ItemSchema).parse(content.quiz)
        const pass = z.object({ quiz: z.object({ pass: z.number().int() }) }).safeParse(raw)
        out.push({
          id: m.id,
          minutes: m.minutes,
          vr: m.modes?.includes('vr') ?? false,
          // Steps: most children pick right the first time; a mistake is retried.
          steps: steps.map((s) => seedItem(m.id, s, 0.85, false)),
          quiz: quiz.map((q) => seedItem(m.id, q, 0.7, true)),
          pass: pass.success ? pass.data.quiz.pass : Math.ceil(quiz.length * 0.6),
        })
      }
    }
    return out
  }
}

/** A code exhibit's steps.ts/quiz.ts, or a panorama's scenes.yaml as the platform reads it; null for a folder with neither. */
async function exhibitContent(
  base: string,
  manifest: unknown,
  load: (file: string) => Promise<Record<string, unknown>>,
): Promise<{ steps: unknown; quiz: unknown } | null> {
  const at = (f: string) => join(base, f)
  if (existsSync(at(PANORAMA_FILE))) {
    const parsed = ManifestFileSchema.parse(manifest)
    const { data, problems } = readPanoramaFolder(base, basename(base), parsed, null)
    if (!data) throw new Error(describeProblems(problems))
    return panoramaSpec(data, parsed.narration)
  }
  if (!existsSync(at('steps.ts')) || !existsSync(at('quiz.ts'))) return null
  return { steps: (await load(at('steps.ts'))).steps, quiz: (await load(at('quiz.ts'))).quiz }
}
