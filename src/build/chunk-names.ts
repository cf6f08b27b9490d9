/**
 * Names for the production build's shared chunks. Rolldown names a chunk after one of its modules,
 * so the 3D stack (three.js, R3F, drei, troika) once shipped as `BufferGeometryUtils-….js` and
 * later as `label-3d-….js`: useless to anyone reading sizes. A chunk whose modules are mostly
 * from node_modules is named after the packages in it, the heavy ones first (`vendor-three-r3f-drei-….js`);
 * a chunk of mostly our own code keeps Rolldown's name. Only names change, not what goes where.
 */

/**
 * Package (or package family) -> short name, heaviest first: names list families in this order
 * (three.js is two big modules, so counting modules would put it last). Anything else keeps
 * its npm name and comes after these.
 */
const FAMILIES: [RegExp, string][] = [
  [/^three$|^three-/, 'three'],
  [/^@react-three\/fiber$|^its-fine$|^react-use-measure$|^suspend-react$/, 'r3f'],
  [/^@react-three\/drei$|^troika-|^@monogrid\/|^three-mesh-bvh$|^three-stdlib$|^camera-controls$|^maath$/, 'drei'],
  [/^@react-three\/xr$|^@pmndrs\/|^@iwer\/|^iwer$/, 'xr'],
  [/^react$|^react-dom$|^scheduler$/, 'react'],
  [/^zod$/, 'zod'],
  [/^zustand$|^use-sync-external-store$/, 'zustand'],
]

/** The npm package a module id belongs to, or null for the project's own code. */
export function packageOf(moduleId: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(moduleId.replaceAll('\\', '/'))
  return m?.[1] ?? null
}

/**
 * `vendor-<families>` (up to three) for a chunk whose modules are mostly third-party, or undefined
 * (the chunk keeps Rolldown's name) when most of it is the project's own code.
 */
export function vendorChunkName(moduleIds: readonly string[]): string | undefined {
  const families = new Map<string, number>()
  let vendored = 0
  for (const id of moduleIds) {
    const pkg = packageOf(id)
    if (!pkg) continue
    vendored++
    const known = FAMILIES.findIndex(([re]) => re.test(pkg))
    const name = known >= 0 ? FAMILIES[known]![1] : pkg.replace(/^@/, '').replace('/', '-')
    families.set(name, Math.min(families.get(name) ?? Infinity, known >= 0 ? known : FAMILIES.length))
  }
  if (vendored * 2 < moduleIds.length || !families.size) return undefined
  const names = [...families].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([n]) => n)
  return `vendor-${[...new Set(names)].slice(0, 3).join('-')}`
}
