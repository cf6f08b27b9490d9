import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, createServer } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { exhibitsPlugin } from '../../src/build/exhibits-plugin.ts'
import { describeProblems, validateExhibitDir } from '../../src/build/exhibit-folders.ts'
import { createRegistry } from '../../src/core/registry.ts'
import type { ExhibitProblem } from '../../src/core/validate.ts'

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

describe('exhibit validation in the dev server', () => {
  it('a locale key missing in en.json makes the folder unavailable in the lobby, naming folder, file and key', async () => {
    const root = project('dev-locale', (dir) => {
      const en = JSON.parse(readFileSync(join(dir, 'locales/en.json'), 'utf8'))
      delete en['quiz.q']
      writeFileSync(join(dir, 'locales/en.json'), JSON.stringify(en))
    })
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [exhibitsPlugin({ dirs: ['exhibits'] })],
      server: { middlewareMode: true, ws: false },
    })
    try {
      const loaded = await server.pluginContainer.load('\0virtual:sophora/exhibits')
      const code = typeof loaded === 'string' ? loaded : (loaded?.code ?? '')
      const problems = JSON.parse(/^export const problems = (.*)$/m.exec(code)![1]!) as ExhibitProblem[]
      const manifest = JSON.parse(readFileSync(join(root, 'exhibits/broken-exhibit/manifest.json'), 'utf8')) as unknown
      const registry = createRegistry({
        manifests: { '/exhibits/broken-exhibit/manifest.json': manifest },
        locales: {},
        modules: { '/exhibits/broken-exhibit/index.ts': async () => ({}) },
        problems,
      })
      expect(registry.get('broken-exhibit'), 'the card is not playable').toBeUndefined()
      expect(registry.unavailable).toEqual([
        {
          folder: 'broken-exhibit',
          problems: [{ folder: 'broken-exhibit', file: 'locales/en.json', field: 'quiz.q', message: 'key is missing (present in zh-CN.json)' }],
        },
      ])
    } finally {
      await server.close()
    }
  })
})
