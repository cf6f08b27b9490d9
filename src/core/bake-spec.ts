import { z } from 'zod'

/**
 * What an exhibit declares to get baked light: the static boxes of a shell and the lights
 * that fall on them. The build (src/build/bake-plugin.ts) ray-casts it once into vertex
 * colours; the scene draws the result unlit (src/sdk/baked-light.ts). Plain data, so the
 * build can evaluate it in Node and hash it.
 */
const Vec3Schema = z.tuple([z.number(), z.number(), z.number()]).readonly()
/** a CSS colour three.js reads; checked by the bake itself (Color.set) */
const ColorSchema = z.string().min(1)

export const BakeBoxSchema = z.object({
  size: Vec3Schema,
  at: Vec3Schema,
  color: ColorSchema,
  rot: Vec3Schema.optional(),
  /** self-lit (a lamp panel, a lit sign): this many times its colour is added, and it lights others through the bounce */
  emit: z.number().min(0).optional(),
})

/** The part of a three.js BufferGeometry a bake reads (core stays free of three.js). */
export interface BakeGeometry {
  attributes: Record<string, { array: ArrayLike<number>; itemSize: number } | undefined>
  index: { array: ArrayLike<number> } | null
}
const vec3Attribute = (g: BakeGeometry, name: string) => g.attributes[name]?.itemSize === 3 && g.attributes[name].array.length > 0
const GeometrySchema = z.custom<BakeGeometry>(
  (g) => typeof g === 'object' && g !== null && 'attributes' in g && ['position', 'normal', 'color'].every((a) => vec3Attribute(g as BakeGeometry, a)),
  'a BufferGeometry with position, normal and color attributes (three floats each), e.g. from mergeParts',
)

/**
 * Any other static shape (cylinders, spheres, planes…): a three.js BufferGeometry with positions,
 * normals and linear albedo colours, e.g. what `mergeParts` returns. Its own vertices carry the
 * light, so give large flat faces enough segments (a 60 m meadow as 4 corners is one colour).
 */
export const BakeMeshSchema = z.object({
  geometry: GeometrySchema,
  /** self-lit, as for a box */
  emit: z.number().min(0).optional(),
})

export const BakeLampSchema = z.object({
  at: Vec3Schema,
  color: ColorSchema,
  /** irradiance at 1 m, linear units (about 1 = the old ambient light) */
  intensity: z.number().min(0),
  /** a ceiling lamp shines down: light is weighted by the cosine to this direction */
  facing: Vec3Schema.optional(),
})

export const BakeSpecSchema = z
  .object({
    boxes: z.array(BakeBoxSchema).default([]),
    /** shapes that are not boxes; the scene builds the same geometry and calls `applyBakedLight` */
    meshes: z.array(BakeMeshSchema).default([]),
    /** light from every direction, scaled by how open each point is (ambient occlusion) */
    ambient: z.object({ color: ColorSchema, intensity: z.number().min(0) }),
    /** what a ray that leaves the model sees (openings, windows): colour × intensity */
    sky: z.object({ color: ColorSchema, intensity: z.number().min(0) }).optional(),
    /** a directional light with hard shadows; `direction` points from the sun into the scene */
    sun: z.object({ direction: Vec3Schema, color: ColorSchema, intensity: z.number().min(0) }).optional(),
    lamps: z.array(BakeLampSchema).default([]),
    /** how much light one bounce off the surfaces adds (0 = none, 1 = physical) */
    bounce: z.number().min(0).max(1).default(1),
    /** hits closer than this many metres darken the ambient light (ambient occlusion) */
    aoDistance: z.number().positive().default(0.8),
    /** longest edge of the grid each box face is cut into, metres: light varies only between vertices */
    cell: z.number().min(0.05).max(4).default(0.3),
    /** hemisphere rays per vertex */
    samples: z.number().int().min(8).max(512).default(64),
    /** the random sequence; the same spec and seed give the same bytes */
    seed: z.number().int().default(1),
  })
  .refine((s) => s.boxes.length + s.meshes.length > 0, 'a bake needs boxes or meshes')

/** Input of a bake (exhibit side, e.g. `scene/corridor.bake.ts`'s default export). */
export type BakeSpec = z.input<typeof BakeSpecSchema>
export type BakeBox = z.infer<typeof BakeBoxSchema>
export type BakeMesh = z.infer<typeof BakeMeshSchema>

/** Version of the baked format and light model: a change re-bakes every cached shell. */
export const BAKE_FORMAT = 2

/**
 * A baked shell as the build hands it to the scene (the default export of a `?bake` import).
 * The geometry is not shipped: the scene rebuilds the same grid from `boxes` and `cell`
 * (core/bake-grid.ts), so only light travels — one sRGB byte per channel per vertex, each the
 * difference to the vertex before (neighbours in a grid are alike, which gzip squeezes well).
 */
export const BakedShellSchema = z.object({
  format: z.literal(BAKE_FORMAT),
  hash: z.string(),
  boxes: z.array(z.object({ size: Vec3Schema, at: Vec3Schema, rot: Vec3Schema.optional() })),
  cell: z.number().positive(),
  /** vertex count of each mesh, in order; their colours follow the grid's */
  meshes: z.array(z.number().int().positive()).default([]),
  /** vertices of the whole grid and the meshes, and grid triangles drawn (those not buried inside other boxes) */
  vertices: z.number().int().positive(),
  triangles: z.number().int().min(0),
  /** colours were divided by this before sRGB encoding (light can exceed white) */
  range: z.number().positive(),
  /** base64: per vertex r, g, b as sRGB bytes, delta-coded (mod 256) along the vertex order */
  colors: z.string(),
  /** base64: one bit per grid triangle, set = drawn */
  keep: z.string(),
  /** milliseconds the bake took (when it was made) */
  bakeMs: z.number(),
})
/** What `import x from './room.bake.ts?bake'` gives: pass it to `bakedGeometry`. */
export type BakedShell = z.infer<typeof BakedShellSchema>
