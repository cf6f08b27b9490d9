import { dirname, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { tsImport } from 'tsx/esm/api'
import type { Plugin } from 'vite'
import type { BakedShell, BakeSpec } from '../core/bake-spec.ts'
import { bakeLight } from './bake-light.ts'
import { bakeCachePath, bakeHash, encodeBake, readBakeCache, specSources, writeBakeCache } from './bake-cache.ts'

const QUERY = '?bake'
/** Maps `@sophora/sdk` to the part of it that runs in Node, so a spec can build meshes with `mergeParts`. */
const SPEC_TSCONFIG = fileURLToPath(new URL('./bake-tsconfig.json', import.meta.url))

/**
 * The shell a spec file describes, from the committed cache when its hash (spec, its imports,
 * the bake engine) still matches, else baked now and written back. Node only.
 */
export async function bakedShellFor(spec: string, root: string, log: (m: string) => void = () => {}): Promise<BakedShell> {
  const hash = bakeHash(spec, root)
  const cache = bakeCachePath(spec, root)
  const hit = readBakeCache(cache, hash)
  if (hit) return hit
  // a fresh URL each time: a changed spec must be read again, not taken from Node's module cache
  const mod = (await tsImport(`${pathToFileURL(spec).href}?t=${hash}`, { parentURL: import.meta.url, tsconfig: SPEC_TSCONFIG })) as { default?: BakeSpec }
  if (!mod.default) throw new Error(`${relative(root, spec)}: a bake spec needs a default export (the BakeSpec)`)
  const t0 = performance.now()
  const result = bakeLight(mod.default)
  const shell = encodeBake(mod.default, result, hash, performance.now() - t0)
  writeBakeCache(cache, shell)
  const meshes = shell.meshes.length ? ` (${shell.meshes.reduce((a, n) => a + n, 0)} of them in ${shell.meshes.length} mesh(es))` : ''
  log(
    `baked ${relative(root, spec)}: ${shell.vertices} vertices${meshes}, ${shell.triangles} box triangles drawn, in ${shell.bakeMs} ms → ${relative(root, cache)}`,
  )
  return shell
}

/**
 * `import corridor from './corridor.bake.ts?bake'` gives the baked shell of that spec (see
 * docs/authoring-exhibits.md, "Baked light"): lighting is ray-cast at build time into vertex
 * colours and cached in `exhibits/<id>/assets/baked/`, so `npm start`, a second build and a
 * clean clone with the cache committed do not bake again. In dev, editing the spec or a file
 * it imports bakes again and reloads.
 */
export function bakePlugin(): Plugin {
  let root = process.cwd()
  return {
    name: 'sophora:bake',
    enforce: 'pre',
    configResolved(config) {
      root = config.root
    },
    async resolveId(source, importer) {
      if (!source.endsWith(QUERY) || !importer) return null
      const file = resolve(dirname(importer.replace(/\?.*$/, '')), source.slice(0, -QUERY.length))
      return `\0${file}${QUERY}`
    },
    async load(id) {
      if (!id.startsWith('\0') || !id.endsWith(QUERY)) return null
      const spec = id.slice(1, -QUERY.length)
      for (const f of specSources(spec)) this.addWatchFile(f)
      const shell = await bakedShellFor(spec, root, (m) => this.info(m))
      return `export default ${JSON.stringify(shell)}`
    },
  }
}
