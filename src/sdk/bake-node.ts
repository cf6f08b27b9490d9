/**
 * What a bake spec (`*.bake.ts`) gets for `@sophora/sdk` when the build runs it in Node
 * (src/build/bake-plugin.ts maps the name here): the geometry builders and the types, none of
 * the browser-only rest. A spec that needs more fails loudly ("does not provide an export").
 */
export { mergeParts, type Part } from './merge-parts.ts'
export { boxPart, mergeBoxes, type BoxPart, type Vec3 } from './merge-boxes.ts'
export type { BakeSpec, BakedShell } from '../core/bake-spec.ts'
