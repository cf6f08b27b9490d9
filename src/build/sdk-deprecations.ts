import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'

/**
 * SDK v1 calls that still work but should change, each with what to write instead. Centers
 * keep exhibit folders nobody here has seen, so the v1 API is never removed silently: the
 * build names every use (file and line) and the replacement, and carries on.
 */
const DEPRECATED: { pattern: RegExp; what: string; instead: string }[] = [
  {
    pattern: /\bctx\s*\.\s*emit\s*\(|\buseExhibit\(\)\s*\.\s*emit\s*\(/,
    what: 'ctx.emit(…) is ignored since SDK v2 (an exhibit cannot report starts, steps, answers, completion or stamps)',
    instead: 'remove the call: the platform records every visit event from the run; report progress with ctx.progress.choose / completeStep',
  },
  {
    pattern: /\bwithLabel3DStub\b/,
    what: 'withLabel3DStub is no longer needed',
    instead: "remove the vi.mock('@sophora/sdk', …withLabel3DStub…) line: renderScene stubs Label3D itself",
  },
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return n === 'node_modules' || n === 'assets' ? [] : sourceFiles(p)
    return /\.(ts|tsx)$/.test(n) ? [p] : []
  })
}

/** One line per deprecated use in the exhibit folders under `dir` (relative to `root`), e.g. `exhibits/x/scene.tsx:12: …; instead: …`. */
export function deprecatedUses(root: string, dir: string, only?: string[]): string[] {
  const abs = resolve(root, dir)
  if (!existsSync(abs)) return []
  const out: string[] = []
  for (const folder of readdirSync(abs).sort()) {
    if ((only && !only.includes(folder)) || !statSync(join(abs, folder)).isDirectory()) continue
    for (const file of sourceFiles(join(abs, folder))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const d of DEPRECATED) if (d.pattern.test(line)) out.push(`${relative(root, file)}:${i + 1}: ${d.what}; instead: ${d.instead}`)
        })
    }
  }
  return out
}

/** Warns (build and dev) about each SDK v1 use in the exhibit folders; never fails the build. */
export function sdkDeprecationsPlugin(opts: { dirs: string[]; only?: string[] }): Plugin {
  let root = process.cwd()
  return {
    name: 'sophora:sdk-v1',
    configResolved(c) {
      root = c.root
    },
    buildStart() {
      const only = opts.only?.length ? opts.only : undefined
      for (const line of opts.dirs.flatMap((d) => deprecatedUses(root, d, only))) this.warn(`SDK v1 (deprecated): ${line}`)
    },
  }
}
