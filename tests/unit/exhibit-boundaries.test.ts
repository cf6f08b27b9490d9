import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Exhibits may import from the project only the SDK; npm packages for 3D/React are allowed. */
const ALLOWED_PACKAGES = [/^react(\/|$)/, /^react-dom(\/|$)/, /^three(\/|$)/, /^@react-three\//, /^@sophora\/sdk$/]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return n === '__tests__' || n === 'node_modules' ? [] : sourceFiles(p)
    return /\.(ts|tsx)$/.test(n) ? [p] : []
  })
}

export function importViolations(exhibitsDir: string): string[] {
  const out: string[] = []
  for (const folder of readdirSync(exhibitsDir)) {
    const root = resolve(exhibitsDir, folder)
    if (!statSync(root).isDirectory()) continue
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2]!
        const where = `${relative(process.cwd(), file)} imports "${spec}"`
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec)
          if (!target.startsWith(root + '/') && target !== root) out.push(`${where}: outside its own folder (use @sophora/sdk)`)
        } else if (!ALLOWED_PACKAGES.some((r) => r.test(spec))) {
          out.push(`${where}: not allowed in exhibit code (only @sophora/sdk, react, three, @react-three/*)`)
        }
      }
    }
  }
  return out
}

describe('exhibit import boundary', () => {
  it('every exhibit imports only the SDK from the project', () => {
    expect(importViolations('exhibits')).toEqual([])
    expect(importViolations('tests/fixtures/exhibits')).toEqual([])
  })
})
