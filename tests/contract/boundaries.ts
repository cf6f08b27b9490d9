import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The import boundary of exhibit code: from the project only `@sophora/sdk`; from npm only
 * react, react-dom, three and @react-three/*; relative imports stay inside the exhibit's
 * folder. Tests (`__tests__/`) follow ALLOWED_IN_TESTS; the exact `@sophora/sdk` match below
 * keeps `@sophora/sdk/testing` (it imports vitest) out of exhibit code. Same rule as
 * tests/unit/exhibit-boundaries.test.ts, shared here so other tests can reuse it.
 */
export const ALLOWED_PACKAGES = [/^react(\/|$)/, /^react-dom(\/|$)/, /^three(\/|$)/, /^@react-three\//, /^@sophora\/sdk$/]

/**
 * An exhibit's own tests (`__tests__/`) reach the platform only through `@sophora/sdk` and
 * `@sophora/sdk/testing` too, so a folder handed to another center runs its tests there
 * unchanged; besides those, vitest and Node's built-ins.
 */
export const ALLOWED_IN_TESTS = [...ALLOWED_PACKAGES, /^@sophora\/sdk\/testing$/, /^vitest$/, /^node:/]

function sourceFiles(dir: string, tests: boolean, inTests = false): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return n === 'node_modules' || (n === '__tests__' && !tests) ? [] : sourceFiles(p, tests, inTests || n === '__tests__')
    return /\.(ts|tsx)$/.test(n) && inTests === tests ? [p] : []
  })
}

function violations(root: string, files: string[], allowed: RegExp[], what: string): string[] {
  const out: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1] ?? m[2] ?? m[3]!
      const where = `${relative(process.cwd(), file)} imports "${spec}"`
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec)
        if (!target.startsWith(root + '/') && target !== root)
          out.push(`${where}: outside its own folder (use @sophora/sdk${what === 'tests' ? ' or @sophora/sdk/testing' : ''})`)
      } else if (!allowed.some((r) => r.test(spec))) {
        out.push(
          what === 'tests'
            ? `${where}: not allowed in exhibit tests (only @sophora/sdk, @sophora/sdk/testing, vitest, node:*, react, three, @react-three/*)`
            : `${where}: not allowed in exhibit code (only @sophora/sdk, react, three, @react-three/*)`,
        )
      }
    }
  }
  return out
}

/** Violations in one exhibit folder, e.g. `exhibits/x/scene.tsx imports "../../src/app/app.tsx": ...`. */
export function folderImportViolations(exhibitRoot: string): string[] {
  const root = resolve(exhibitRoot)
  return violations(root, sourceFiles(root, false), ALLOWED_PACKAGES, 'code')
}

/** The same for the folder's `__tests__/`, under ALLOWED_IN_TESTS. */
export function folderTestImportViolations(exhibitRoot: string): string[] {
  const root = resolve(exhibitRoot)
  return violations(root, sourceFiles(root, true), ALLOWED_IN_TESTS, 'tests')
}

/** Violations in every exhibit folder under `exhibitsDir` (with `tests`: in their `__tests__/` instead). */
export function importViolations(exhibitsDir: string, { tests = false } = {}): string[] {
  return readdirSync(exhibitsDir)
    .filter((folder) => statSync(resolve(exhibitsDir, folder)).isDirectory())
    .flatMap((folder) => (tests ? folderTestImportViolations : folderImportViolations)(resolve(exhibitsDir, folder)))
}
