import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importViolations } from '../contract/boundaries.ts'
import { layerViolations } from './layers.ts'

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'))
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true })
    writeFileSync(join(root, p), text)
  }
  return root
}

describe('layers', () => {
  it('src/ follows the allowed-import table', () => {
    expect(layerViolations('.')).toEqual([])
  })

  it('catches an upward import, a reach into a feature, React in core and an unknown folder', () => {
    const root = tree({
      'src/core/a.ts': "import { x } from '../scene/s.ts'\nimport { useState } from 'react'\n",
      'src/scene/s.ts': 'export const x = 1\n',
      'src/features/guide/g.ts': "import { p } from '../passport/store.ts'\nimport { q } from '../passport/index.ts'\n",
      'src/features/passport/store.ts': 'export const p = 1\n',
      'src/features/passport/index.ts': "export { p as q } from './store.ts'\n",
      'src/misc/m.ts': 'export {}\n',
    })
    expect(layerViolations(root)).toEqual([
      'src/core/a.ts imports "../scene/s.ts": src/core may import only itself',
      'src/core/a.ts imports "react": core has no React, DOM or three.js',
      'src/features/guide/g.ts imports "../passport/store.ts": reach feature "passport" through its index.ts',
      'src/misc/m.ts: in no layer (add its folder to tests/architecture/layers.ts)',
    ])
  })

  it('exhibit tests reach the platform only through @sophora/sdk and @sophora/sdk/testing', () => {
    expect(importViolations('exhibits', { tests: true })).toEqual([])
    const root = tree({
      'x/__tests__/a.test.ts': [
        "import { renderScene } from '@sophora/sdk/testing'",
        "import { readFileSync } from 'node:fs'",
        "import { it } from 'vitest'",
        "import { steps } from '../steps.ts'",
        "import { createRunStore } from '../../../src/core/run-store.ts'",
        "import { z } from 'zod'",
      ].join('\n'),
      'x/steps.ts': "import { renderScene } from '@sophora/sdk/testing'\n",
    })
    expect(importViolations(root, { tests: true })).toEqual([
      expect.stringMatching(
        /x\/__tests__\/a\.test\.ts imports "\.\.\/\.\.\/\.\.\/src\/core\/run-store\.ts": outside its own folder \(use @sophora\/sdk or @sophora\/sdk\/testing\)$/,
      ),
      expect.stringMatching(/x\/__tests__\/a\.test\.ts imports "zod": not allowed in exhibit tests/),
    ])
    // and exhibit code may not use the testing entry (it imports vitest)
    expect(importViolations(root)).toEqual([expect.stringMatching(/x\/steps\.ts imports "@sophora\/sdk\/testing": not allowed in exhibit code/)])
  })
})
