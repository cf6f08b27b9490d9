import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The one allowed-import table of src/ (docs/architecture.md draws it). Layers run one
 * way: core ← sdk ← scene ← features ← app. `i18n` is shared text that every UI layer
 * may use. A feature reaches another feature (and app reaches any feature) only through
 * that feature's `index.ts`. server/ and build/ are Node-only and see core alone.
 * Exhibits (outside src/) import only the SDK: tests/contract/boundaries.ts.
 */
export const LAYERS: Record<string, { may: string[]; why: string }> = {
  'src/core': { may: [], why: 'plain TypeScript: schemas, registry, run reducer, visit and session lifecycle' },
  'src/sdk': { may: ['src/core'], why: 'what exhibits import' },
  'src/scene': { may: ['src/core', 'src/sdk'], why: 'the R3F stage, exhibit host, XR store, cardboard' },
  'src/i18n': { may: ['src/core'], why: 'the app’s own texts in zh-CN and en' },
  'src/features': { may: ['src/core', 'src/sdk', 'src/scene', 'src/i18n', 'feature index'], why: 'one folder per feature' },
  'src/test-bridge': { may: ['src/core', 'src/scene', 'feature index'], why: 'dev/e2e builds only' },
  'src/app': { may: ['src/core', 'src/sdk', 'src/scene', 'src/i18n', 'feature index', 'src/test-bridge'], why: 'bootstrap, routes, pages' },
  'src/server': { may: ['src/core'], why: 'Node only' },
  'src/build': { may: ['src/core'], why: 'Vite plugins, Node only' },
  'src/types': { may: [], why: 'ambient declarations' },
}

/** Packages core must not use: it has no React and no DOM. */
const CORE_FORBIDDEN = [/^react(\/|$)/, /^react-dom(\/|$)/, /^@react-three\//, /^zustand$/, /^three(\/|$)/]

const layerOf = (file: string) =>
  Object.keys(LAYERS)
    .filter((l) => file === l || file.startsWith(`${l}/`))
    .sort((a, b) => b.length - a.length)[0]
const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return n === '__tests__' ? [] : sourceFiles(p)
    return /\.(ts|tsx)$/.test(n) && !n.endsWith('.d.ts') ? [p] : []
  })
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm

/** Every import in src/ that breaks the table, as `file imports "spec": reason`. Paths relative to `root`. */
export function layerViolations(root: string): string[] {
  const out: string[] = []
  for (const abs of sourceFiles(resolve(root, 'src'))) {
    const file = relative(root, abs)
    const layer = layerOf(file)
    if (!layer) {
      out.push(`${file}: in no layer (add its folder to tests/architecture/layers.ts)`)
      continue
    }
    for (const m of readFileSync(abs, 'utf8').matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3]!
      const where = `${file} imports "${spec}"`
      if (!spec.startsWith('.')) {
        // Type-only imports describe the plugin contract (e.g. an exhibit's Scene is a React component) and vanish at build time.
        const typeOnly = /^(import|export)\s+type\s/.test(m[0].trimStart())
        if (layer === 'src/core' && !typeOnly && CORE_FORBIDDEN.some((r) => r.test(spec))) out.push(`${where}: core has no React, DOM or three.js`)
        continue
      }
      const target = relative(root, resolve(dirname(abs), spec))
      if (target.startsWith('assets/')) continue // shared fonts, sounds and pictures
      const to = layerOf(target)
      if (!to) {
        out.push(`${where}: target is outside src/`)
        continue
      }
      if (to === layer && (layer !== 'src/features' || featureOf(target) === featureOf(file))) continue
      const allowed = LAYERS[layer]!.may
      if (to === 'src/features') {
        const viaIndex = /^src\/features\/[^/]+\/index\.ts$/.test(target)
        if (allowed.includes('feature index') && viaIndex) continue
        out.push(
          `${where}: ${allowed.includes('feature index') ? `reach feature "${featureOf(target)}" through its index.ts` : `${layer} may not use features`}`,
        )
        continue
      }
      if (!allowed.includes(to)) out.push(`${where}: ${layer} may import only ${allowed.join(', ') || 'itself'}`)
    }
  }
  return out
}
