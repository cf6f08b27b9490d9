import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { SCAFFOLD_DIR } from './e2e-build.ts'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import { ManifestSchema } from '../../src/core/manifest-schema.ts'
import { panoramaContent } from '../contract/panorama-content.ts'

export interface Playbook {
  steps: StepDef[]
  quiz: QuizItem[]
  /** the right choice per step and per quiz item, as a student who learned the lesson would click */
  right: { steps: string[]; quiz: string[] }
  /** the first step that has a wrong choice, and that choice */
  wrongStep: { step: number; choice: string }
  /** a wrong choice for the first quiz item */
  wrongQuiz: string
  /** right quiz answers needed for the stamp (manifest quiz.pass) */
  pass: number
  title: { 'zh-CN': string; en: string }
  /** the exhibit's English locale table */
  en: Record<string, string>
}

/** How to play an exhibit, read from its own data files (steps.ts and quiz.ts or scenes.yaml, manifest, locales). */
export async function playbook(id: string): Promise<Playbook> {
  // exhibits/<id>, or the exhibit the e2e build scaffolded with `new-exhibit` (e2e-build.ts)
  const dir = existsSync(`exhibits/${id}`) ? `exhibits/${id}` : `${SCAFFOLD_DIR}/${id}`
  const load = (file: string) => import(/* @vite-ignore */ pathToFileURL(resolve(dir, file)).href)
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')))
  // a panorama exhibit has no code: its steps and quiz come from scenes.yaml
  const { steps, quiz } =
    manifest.kind === 'panorama'
      ? panoramaContent(resolve(dir), manifest)
      : { steps: ((await load('steps.ts')) as { steps: StepDef[] }).steps, quiz: ((await load('quiz.ts')) as { quiz: QuizItem[] }).quiz }
  const en = JSON.parse(readFileSync(`${dir}/locales/en.json`, 'utf8')) as Record<string, string>
  const right = (cs: { id: string; correct: boolean }[]) => cs.find((c) => c.correct)!.id
  const wrong = (cs: { id: string; correct: boolean }[]) => cs.find((c) => !c.correct)!.id
  const wrongAt = steps.findIndex((s) => s.choices.some((c) => !c.correct))
  return {
    steps,
    quiz,
    right: { steps: steps.map((s) => right(s.choices)), quiz: quiz.map((q) => right(q.choices)) },
    wrongStep: { step: wrongAt, choice: wrong(steps[wrongAt]!.choices) },
    wrongQuiz: wrong(quiz[0]!.choices),
    pass: manifest.quiz.pass,
    title: manifest.title,
    en,
  }
}
