/**
 * The exhibit contract, checked for every folder under exhibits/ (found on disk, so a new
 * exhibit is covered the moment its folder exists). Extra folders of exhibits can be added
 * with SOPHORA_CONTRACT_DIRS=dir1,dir2 (e.g. a temp folder made by `new-exhibit --dir`).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { describeProblems, listExhibitFolders, validateExhibitDir } from '../../src/build/exhibit-folders.ts'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import { LANGS, ManifestSchema } from '../../src/core/manifest-schema.ts'
import { folderImportViolations, folderTestImportViolations } from './boundaries.ts'
import { panoramaContent } from './panorama-content.ts'
import { codeKeyProblems, playthroughProblems, shapeProblems, styleProblems } from './content-checks.ts'
import {
  assetProblems,
  conventionProblems,
  dataProblems,
  localeMythProblems,
  narrationProblems,
  readJson,
  referencedAssetProblems,
  sourcesProblems,
  type LocaleTable,
} from './checks.ts'

const dirs = ['exhibits', ...(process.env.SOPHORA_CONTRACT_DIRS?.split(',').filter(Boolean) ?? [])].map((d) => resolve(d))
// SOPHORA_EXHIBITS=a,b (as for vite build) checks only those folders, e.g. while another is half-written.
const only = process.env.SOPHORA_EXHIBITS?.split(',')
  .map((x) => x.trim())
  .filter(Boolean)
const exhibits = dirs
  .flatMap((dir) => listExhibitFolders(dir).map((folder) => ({ dir, folder, base: join(dir, folder) })))
  .filter((e) => !only?.length || only.includes(e.folder) || e.dir !== resolve('exhibits'))

const report = (problems: string[], folder: string) => `exhibits/${folder}:\n  - ${problems.join('\n  - ')}`

describe('exhibit contract', () => {
  it('finds the exhibits', () => {
    if (!only?.length) expect(exhibits.map((e) => e.folder)).toContain('fire-escape')
  })

  describe.each(exhibits)('$folder', ({ dir, folder, base }) => {
    const manifestOk = () => {
      const file = join(base, 'manifest.json')
      if (!existsSync(file)) return undefined
      const r = ManifestSchema.safeParse(readJson(file))
      return r.success ? r.data : undefined
    }
    const locales = (): Partial<Record<string, LocaleTable>> =>
      Object.fromEntries(
        LANGS.filter((l) => existsSync(join(base, 'locales', `${l}.json`))).map((l) => [l, readJson(join(base, 'locales', `${l}.json`)) as LocaleTable]),
      )

    it('has a valid manifest, locale files and sources (build validation)', () => {
      const problems = validateExhibitDir(dir).filter((p) => p.folder === folder)
      expect(problems, describeProblems(problems)).toEqual([])
    })

    /** steps.ts and quiz.ts, once the manifest is valid and the convention is kept. */
    const content = async () => {
      const m = manifestOk()
      expect(m, 'manifest.json must be valid first').toBeDefined()
      // the no-code kind: steps and quiz come from scenes.yaml, checked by the same rules below
      if (m!.kind === 'panorama') return { m: m!, ...panoramaContent(base, m!) }
      for (const f of ['steps.ts', 'quiz.ts'])
        expect(existsSync(join(base, f)), `${f} is missing (convention: steps.ts exports steps, quiz.ts exports quiz)`).toBe(true)
      const stepsMod: unknown = await import(pathToFileURL(join(base, 'steps.ts')).href)
      const quizMod: unknown = await import(pathToFileURL(join(base, 'quiz.ts')).href)
      const conv = conventionProblems(stepsMod, quizMod)
      expect(conv, report(conv, folder)).toEqual([])
      return { m: m!, steps: (stepsMod as { steps: StepDef[] }).steps, quiz: (quizMod as { quiz: QuizItem[] }).quiz }
    }

    it('has steps.ts and quiz.ts that match the manifest and both locales, teaching no myth', async () => {
      const { m, steps, quiz } = await content()
      const problems = [...dataProblems(m, steps, quiz, locales()), ...localeMythProblems(locales(), steps, quiz)]
      expect(problems, report(problems, folder)).toEqual([])
    })

    it('keeps the shape and house style of steps, quiz and texts, and names only existing keys in code', async () => {
      const { m, steps, quiz } = await content()
      const problems = [...shapeProblems(m, steps, quiz), ...styleProblems(m, steps, locales(), quiz), ...codeKeyProblems(base, locales())]
      expect(problems, report(problems, folder)).toEqual([])
    })

    it('plays through: wrong choices explained, steps completed, the quiz passed at exactly quiz.pass', async () => {
      const { m, steps, quiz } = await content()
      const problems = playthroughProblems({ steps, quiz, pass: m.quiz.pass })
      expect(problems, report(problems, folder)).toEqual([])
    })

    it('has a narration mp3 for every cue in every language', () => {
      const m = manifestOk()
      expect(m, 'manifest.json must be valid first').toBeDefined()
      const problems = narrationProblems(base, m!)
      expect(problems, report(problems, folder)).toEqual([])
    })

    it('keeps assets present and within size limits', () => {
      const problems = [...assetProblems(base), ...referencedAssetProblems(base)]
      expect(problems, report(problems, folder)).toEqual([])
    })

    it('cites its sources and never teaches the "triangle of life" (sources.md)', () => {
      const problems = sourcesProblems(base)
      expect(problems, report(problems, folder)).toEqual([])
    })

    it('imports only the SDK from the project (its tests: the SDK and @sophora/sdk/testing)', () => {
      const problems = [...folderImportViolations(base), ...folderTestImportViolations(base)]
      expect(problems, report(problems, folder)).toEqual([])
    })
  })
})
