/**
 * Every name an exhibit can import from the SDK (and its testing entry) carries JSDoc, so an
 * author learns units, formats and rules from the editor's hover, not from reading src/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** `[name, file]` for each name re-exported by `entry` (`export { a, type B } from './x.ts'`, `export type { … } from …`). */
function exportsOf(entry: string): [string, string][] {
  const text = readFileSync(entry, 'utf8')
  const out: [string, string][] = []
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]+)\}\s+from\s+'([^']+)'/g)) {
    for (const raw of m[1]!.split(',')) {
      const name = raw
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!
      if (name) out.push([name, join(dirname(entry), m[2]!)])
    }
  }
  for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function|const|interface|type|class)\s+(\w+)/gm)) out.push([m[1]!, entry])
  return out
}

/** Names in `entry`'s export list whose declaration has no `/** … *\/` right above it. */
function undocumented(entry: string): string[] {
  return exportsOf(entry).flatMap(([name, file]) => {
    const lines = readFileSync(file, 'utf8').split('\n')
    const at = lines.findIndex((l) => new RegExp(`^export\\s+(?:async\\s+)?(?:function|const|interface|type|class)\\s+${name}\\b`).test(l))
    if (at < 0) return [`${name}: no declaration found in ${file}`]
    let i = at - 1
    while (i >= 0 && /^\s*(\/\/|@|$)/.test(lines[i]!)) i-- // an eslint comment or decorator may sit between
    return /\*\/\s*$/.test(lines[i] ?? '') ? [] : [`${name} (${file}:${at + 1})`]
  })
}

describe('SDK JSDoc', () => {
  it('documents every export of @sophora/sdk and @sophora/sdk/testing', () => {
    expect(undocumented('src/sdk/index.ts')).toEqual([])
    expect(undocumented('src/sdk/testing/index.ts')).toEqual([])
  })

  it('reads the whole export list and names an export without JSDoc', () => {
    const names = exportsOf('src/sdk/index.ts').map(([n]) => n)
    expect(names).toEqual(expect.arrayContaining(['defineExhibit', 'useTracked', 'mergeParts', 'Vec3', 'choice', 'RunState', 'ExhibitContext']))
    const dir = mkdtempSync(join(tmpdir(), 'sdk-jsdoc-'))
    try {
      writeFileSync(join(dir, 'a.ts'), '/** Documented. */\nexport const a = 1\n// not JSDoc\nexport interface B {}\n')
      writeFileSync(join(dir, 'index.ts'), "export { a, type B } from './a.ts'\nexport function c() {}\n")
      expect(undocumented(join(dir, 'index.ts'))).toEqual([`B (${join(dir, 'a.ts')}:4)`, `c (${join(dir, 'index.ts')}:2)`])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
