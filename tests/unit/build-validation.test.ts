import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { exhibitsPlugin } from '../../src/build/exhibits-plugin.ts'
import { describeProblems, validateExhibitDir } from '../../src/build/exhibit-folders.ts'

const tmp = mkdtempSync(join(tmpdir(), 'sophora-build-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** A tiny Vite project whose exhibits/ holds a copy of the broken-exhibit fixture, then `mutate`d. */
function project(name: string, mutate: (dir: string) => void): string {
  const root = join(tmp, name)
  mkdirSync(join(root, 'exhibits'), { recursive: true })
  cpSync('tests/fixtures/exhibits/broken-exhibit', join(root, 'exhibits', 'broken-exhibit'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<script type="module" src="/main.js"></script>')
  writeFileSync(join(root, 'main.js'), "import { manifests } from 'virtual:sophora/exhibits'\nconsole.log(Object.keys(manifests))")
  mutate(join(root, 'exhibits', 'broken-exhibit'))
  return root
}

const viteBuild = (root: string) =>
  build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [exhibitsPlugin({ dirs: ['exhibits'] })],
    build: { outDir: join(root, 'dist'), write: false, rolldownOptions: { external: [/^@sophora\/sdk$/, /^@react-three\//, /^react/, /^three/] } },
  })

describe('exhibit validation at build time', () => {
  it('the shipped exhibits and fixtures are valid', () => {
    const problems = [...validateExhibitDir('exhibits'), ...validateExhibitDir('tests/fixtures/exhibits')]
    expect(problems, describeProblems(problems)).toEqual([])
  })

  it('vite build fails on a bad manifest, naming folder, file and field', async () => {
    const root = project('bad-manifest', (dir) => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
      m.category = 'cooking'
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m))
    })
    await expect(viteBuild(root)).rejects.toThrow(/exhibits\/broken-exhibit\/manifest\.json: field "category"/)
  })

  it('vite build fails on a locale key missing in one language', async () => {
    const root = project('bad-locale', (dir) => {
      const en = JSON.parse(readFileSync(join(dir, 'locales/en.json'), 'utf8'))
      delete en['quiz.q']
      writeFileSync(join(dir, 'locales/en.json'), JSON.stringify(en))
    })
    await expect(viteBuild(root)).rejects.toThrow(/exhibits\/broken-exhibit\/locales\/en\.json: field "quiz\.q": key is missing/)
  })

  it('a valid folder builds', async () => {
    await expect(viteBuild(project('ok', () => {}))).resolves.toBeTruthy()
  })
})
