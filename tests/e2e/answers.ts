import { readFileSync } from 'node:fs'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'

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

/** How to play an exhibit, read from its own data files (steps.ts, quiz.ts, manifest, locales). */
export async function playbook(id: string): Promise<Playbook> {
  const { steps } = (await import(`../../exhibits/${id}/steps.ts`)) as { steps: StepDef[] }
  const { quiz } = (await import(`../../exhibits/${id}/quiz.ts`)) as { quiz: QuizItem[] }
  const manifest = JSON.parse(readFileSync(`exhibits/${id}/manifest.json`, 'utf8')) as { title: Playbook['title']; quiz: { pass: number } }
  const en = JSON.parse(readFileSync(`exhibits/${id}/locales/en.json`, 'utf8')) as Record<string, string>
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
