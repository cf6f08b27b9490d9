/**
 * Every exhibit's sources.md (found on disk, like exhibit-contract.test.ts) can be checked by a
 * reviewer: each source has a title, an issuer, a date and a specific URL or standard number;
 * each fact row cites known sources; every step and quiz item of the manifest is backed by a fact.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listExhibitFolders } from '../../src/build/exhibit-folders.ts'
import { sourcesContractProblems, type ManifestIds } from './sources.ts'

const root = resolve('exhibits')
// SOPHORA_EXHIBITS=a,b checks only those folders, as for the other contract tests.
const only = process.env.SOPHORA_EXHIBITS?.split(',')
  .map((x) => x.trim())
  .filter(Boolean)
const folders = listExhibitFolders(root).filter((f) => !only?.length || only.includes(f))

describe('sources.md of every exhibit', () => {
  it('finds the exhibits', () => {
    if (!only?.length) expect(folders).toEqual(expect.arrayContaining(['fire-escape', 'earthquake']))
  })

  describe.each(folders)('%s', (folder) => {
    it('lists openable sources and backs every step and quiz item with a cited fact', () => {
      const file = join(root, folder, 'sources.md')
      expect(existsSync(file), `exhibits/${folder}/sources.md is missing`).toBe(true)
      const manifest = JSON.parse(readFileSync(join(root, folder, 'manifest.json'), 'utf8')) as ManifestIds
      const problems = sourcesContractProblems(readFileSync(file, 'utf8'), manifest)
      expect(problems, `exhibits/${folder}/sources.md:\n  - ${problems.join('\n  - ')}`).toEqual([])
    })
  })
})
