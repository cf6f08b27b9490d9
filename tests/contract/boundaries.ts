import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The import boundary of exhibit code: from the project only `@sophora/sdk`; from npm only
 * react, react-dom, three and @react-three/*; relative imports stay inside the exhibit's
 * folder. Tests (`__tests__/`) may import anything, `@sophora/sdk/testing` included; the
 * exact match below keeps that entry (it imports vitest) out of exhibit code. Same rule as
 * tests/unit/exhibit-boundaries.test.ts, shared here so other tests can reuse it.
 */
export const ALLOWED_PACKAGES = [/^react(\/|$)/, /^react-dom(\/|$)/, /^three(\/|$)/, /^@react-three\//, /^@sophora\/sdk$/]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return n === '__tests__' || n === 'node_modules' ? [] : sourceFiles(p)
    return /\.(ts|tsx)$/.test(n) ? [p] : []
  })
}

/** Violations in one exhibit folder, e.g. `exhibits/x/scene.tsx imports "../../src/app/app.tsx": ...`. */
export function folderImportViolations(exhibitRoot: string): string[] {
  const root = resolve(exhibitRoot)
  const out: string[] = []
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1] ?? m[2] ?? m[3]!
      const where = `${relative(process.cwd(), file)} imports "${spec}"`
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec)
        if (!target.startsWith(root + '/') && target !== root) out.push(`${where}: outside its own folder (use @sophora/sdk)`)
      } else if (!ALLOWED_PACKAGES.some((r) => r.test(spec))) {
        out.push(`${where}: not allowed in exhibit code (only @sophora/sdk, react, three, @react-three/*)`)
      }
    }
  }
  return out
}

/** Violations in every exhibit folder under `exhibitsDir`. */
export function importViolations(exhibitsDir: string): string[] {
  return readdirSync(exhibitsDir)
    .filter((folder) => statSync(resolve(exhibitsDir, folder)).isDirectory())
    .flatMap((folder) => folderImportViolations(resolve(exhibitsDir, folder)))
}
