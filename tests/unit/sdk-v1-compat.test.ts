/**
 * Exhibits written against SDK v1 keep working: a folder made by the v1 template (with a
 * ctx.emit call, v1's one API that v2 ignores) builds, and the build names the file, the line
 * and the replacement. The fixture is also type-checked against today's SDK (tsconfig.test).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { validateExhibitDir } from '../../src/build/exhibit-folders.ts'
import { exhibitsPlugin } from '../../src/build/exhibits-plugin.ts'
import { deprecatedUses, sdkDeprecationsPlugin } from '../../src/build/sdk-deprecations.ts'

const FIXTURES = 'tests/unit/fixtures/v1-exhibits'
const tmp = mkdtempSync(join(tmpdir(), 'sophora-v1-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('SDK v1 exhibits', () => {
  it('a v1 template folder is still a valid exhibit', () => {
    expect(validateExhibitDir(FIXTURES)).toEqual([])
  })

  it('builds, warning once per v1 call with its file, line and replacement', async () => {
    const root = join(tmp, 'project')
    mkdirSync(join(root, 'exhibits'), { recursive: true })
    cpSync(join(FIXTURES, 'v1-exhibit'), join(root, 'exhibits', 'v1-exhibit'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<script type="module" src="/main.js"></script>')
    writeFileSync(join(root, 'main.js'), "import { modules } from 'virtual:sophora/exhibits'\nfor (const load of Object.values(modules)) load()")
    const warnings: string[] = []
    const out = await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [exhibitsPlugin({ dirs: ['exhibits'] }), sdkDeprecationsPlugin({ dirs: ['exhibits'] })],
      build: {
        outDir: join(root, 'dist'),
        write: false,
        rolldownOptions: {
          external: [/^@sophora\/sdk$/, /^@react-three\//, /^react/, /^three/],
          onwarn: (w) => void warnings.push(w.message),
        },
      },
    })
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []))
    // the exhibit's own chunk, with its scene, is in the build
    expect(chunks.some((c) => c.type === 'chunk' && c.code.includes('look-target'))).toBe(true)
    const v1 = warnings.filter((w) => w.includes('SDK v1'))
    expect(v1).toHaveLength(1)
    expect(v1[0]).toMatch(/exhibits\/v1-exhibit\/scene\/exhibit-scene\.tsx:\d+: ctx\.emit\(…\) is ignored since SDK v2.*instead: remove the call/)
  })

  it('the shipped exhibits use no v1 API', () => {
    expect(deprecatedUses('.', 'exhibits')).toEqual([])
    expect(deprecatedUses('.', FIXTURES)).toHaveLength(1)
  })
})
