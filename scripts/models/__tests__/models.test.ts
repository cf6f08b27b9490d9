import { readFileSync } from 'node:fs'
import { Document, Logger } from '@gltf-transform/core'
import { getBounds } from '@gltf-transform/functions'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { FIGURE_TOP, type FigureKind } from '../../../exhibits/earthquake/scene/people.ts'
import { buildModel, MODELS } from '../build-models.ts'
import { compressModel, createIO } from '../compress.ts'

const read = async (bytes: Uint8Array) => (await createIO()).readBinary(bytes)

describe('model pipeline', () => {
  it.each(MODELS.map((m) => [m.out, m] as const))('%s is up to date, one material, meshopt-compressed, self-contained', async (out, m) => {
    const committed = new Uint8Array(readFileSync(out))
    // deterministic: a kit changed without `npx tsx scripts/models/build-models.ts` fails here
    expect(Buffer.compare(Buffer.from(await buildModel(m.make)), Buffer.from(committed))).toBe(0)
    const doc = await read(committed)
    const root = doc.getRoot()
    expect(root.listMaterials()).toHaveLength(1)
    expect(root.listExtensionsUsed().map((e) => e.extensionName)).toContain('EXT_meshopt_compression')
    expect(root.listTextures()).toHaveLength(0)
    expect(root.listBuffers().every((b) => !b.getURI() || b.getURI() === '')).toBe(true)
    for (const mesh of root.listMeshes()) {
      // one primitive per part: one draw call
      expect(mesh.listPrimitives()).toHaveLength(1)
      expect(mesh.listPrimitives()[0]!.getAttribute('COLOR_0')).not.toBeNull()
      expect(mesh.listPrimitives()[0]!.getIndices()!.getCount() / 3).toBeLessThan(3000)
    }
  })

  it('models each classmate and the teacher as tall as the earthquake scene assumes (desks hide the ducked)', async () => {
    const doc = await read(new Uint8Array(readFileSync('exhibits/earthquake/assets/models/classroom-people.glb')))
    const nodes = doc
      .getRoot()
      .listNodes()
      .filter((n) => n.getMesh())
    expect(nodes.map((n) => n.getName()).sort()).toEqual(Object.keys(FIGURE_TOP).sort())
    for (const n of nodes) {
      const b = getBounds(n)
      expect(b.min[1]).toBeGreaterThanOrEqual(-0.001)
      expect(Math.abs(b.max[1] - FIGURE_TOP[n.getName() as FigureKind])).toBeLessThan(0.01)
    }
  })

  it('turns a textured, many-material kit into one material with a KTX2 texture', async () => {
    const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN))
    const buffer = doc.createBuffer()
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#3366cc' } })
      .png()
      .toBuffer()
    const tex = doc.createTexture('colormap').setImage(new Uint8Array(png)).setMimeType('image/png')
    const textured = doc.createMaterial('a').setBaseColorTexture(tex)
    const red = doc.createMaterial('b').setBaseColorFactor([1, 0, 0, 1])
    const green = doc.createMaterial('c').setBaseColorFactor([0, 1, 0, 1])
    const tri = (mat: typeof red, y: number) =>
      doc
        .createPrimitive()
        .setMaterial(mat)
        .setAttribute(
          'POSITION',
          doc
            .createAccessor()
            .setType('VEC3')
            .setArray(new Float32Array([0, y, 0, 1, y, 0, 0, y + 1, 0]))
            .setBuffer(buffer),
        )
    const mesh = doc.createMesh('m').addPrimitive(tri(red, 0)).addPrimitive(tri(green, 2))
    const texMesh = doc.createMesh('t').addPrimitive(
      tri(textured, 4).setAttribute(
        'TEXCOORD_0',
        doc
          .createAccessor()
          .setType('VEC2')
          .setArray(new Float32Array([0, 0, 1, 0, 0, 1]))
          .setBuffer(buffer),
      ),
    )
    doc.createScene().addChild(doc.createNode('m').setMesh(mesh)).addChild(doc.createNode('t').setMesh(texMesh))
    const out = await read(await compressModel(doc))
    const root = out.getRoot()
    // the two plain colours became vertex colours of one primitive with one shared material
    const plain = root.listMeshes().find((m) => m.getName() === 'm')!
    expect(plain.listPrimitives()).toHaveLength(1)
    const colors = plain.listPrimitives()[0]!.getAttribute('COLOR_0')!
    const seen = new Set(
      Array.from({ length: colors.getCount() }, (_, i) =>
        colors
          .getElement(i, [] as number[])
          .map((x) => x.toFixed(2))
          .join(),
      ),
    )
    expect(seen).toEqual(new Set(['1.00,0.00,0.00', '0.00,1.00,0.00']))
    const [texture] = root.listTextures()
    expect(texture!.getMimeType()).toBe('image/ktx2')
    expect(new TextDecoder().decode(texture!.getImage()!.slice(1, 7))).toBe('KTX 20')
    expect(root.listExtensionsRequired().map((e) => e.extensionName)).toContain('KHR_texture_basisu')
  })
})
