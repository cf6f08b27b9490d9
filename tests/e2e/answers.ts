import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'

/** The right choice per step and per quiz item of an exhibit, read from its own data files. */
export async function correctAnswers(id: string): Promise<{ steps: string[]; quiz: string[]; wrongStep: { step: number; choice: string } }> {
  const { steps } = (await import(`../../exhibits/${id}/steps.ts`)) as { steps: StepDef[] }
  const { quiz } = (await import(`../../exhibits/${id}/quiz.ts`)) as { quiz: QuizItem[] }
  const right = (cs: { id: string; correct: boolean }[]) => cs.find((c) => c.correct)!.id
  const wrongAt = steps.findIndex((s) => s.choices.some((c) => !c.correct))
  return {
    steps: steps.map((s) => right(s.choices)),
    quiz: quiz.map((q) => right(q.choices)),
    wrongStep: { step: wrongAt, choice: steps[wrongAt]!.choices.find((c) => !c.correct)!.id },
  }
}
