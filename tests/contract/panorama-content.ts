import { basename } from 'node:path'
import { describeProblems } from '../../src/build/exhibit-folders.ts'
import { readPanoramaFolder } from '../../src/build/panorama-folder.ts'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import type { Manifest } from '../../src/core/manifest-schema.ts'
import { panoramaSpec } from '../../src/core/panorama.ts'

/**
 * The steps and quiz of a panorama exhibit (scenes.yaml), as the platform builds them, so the
 * contract's content, style and playthrough checks run on the no-code kind exactly as on
 * steps.ts/quiz.ts. Throws the build's own message when scenes.yaml cannot be read.
 */
export function panoramaContent(base: string, manifest: Manifest): { steps: StepDef[]; quiz: QuizItem[] } {
  const { data, problems } = readPanoramaFolder(base, basename(base), manifest, null)
  if (!data) throw new Error(describeProblems(problems))
  return panoramaSpec(data, manifest.narration)
}
