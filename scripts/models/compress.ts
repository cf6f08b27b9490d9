import type { Document } from '@gltf-transform/core'
import { NodeIO, type Material, type Texture } from '@gltf-transform/core'
import { ALL_EXTENSIONS, KHRTextureBasisu } from '@gltf-transform/extensions'
import { dedup, instance, joinPrimitives, meshopt, prune, weld } from '@gltf-transform/functions'
import { encodeToKTX2 } from 'ktx2-encoder'
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer'
import sharp from 'sharp'

/**
 * The model pipeline: a source glTF (a CC0 kit's file or one written from ./kit-*.ts by ./source-doc.ts) in, a small
 * .glb out, ready for the SDK's `useModel`:
 * - every untextured material's colour goes into the vertex colours and all of them become ONE
 *   material per kit (one shader, and meshes of one kit can be drawn together);
 * - duplicate data merged (dedup), repeated meshes turned into GPU instances (instance),
 *   vertices welded, unused data pruned;
 * - textures, if a kit has any, to KTX2 (Basis ETC1S via ktx2-encoder's WASM, which runs in Node;
 *   `toktx` is not installable here);
 * - geometry compressed with meshopt (EXT_meshopt_compression; three ships the decoder) at level
 *   'high' (octahedral normals, quantised colours): a quarter smaller than 'medium', no visible change.
 */
export async function compressModel(doc: Document): Promise<Uint8Array> {
  await MeshoptEncoder.ready
  await doc.transform(dedup(), instance({ min: 2 }))
  colorsToVertices(doc)
  joinPerMesh(doc)
  await texturesToKtx2(doc)
  await doc.transform(weld(), prune(), dedup(), meshopt({ encoder: MeshoptEncoder, level: 'high' }))
  return (await createIO()).writeBinary(doc)
}

/** A NodeIO that reads and writes every extension the pipeline uses (await the codecs once first). */
export async function createIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready])
  return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder, 'meshopt.encoder': MeshoptEncoder })
}

/** Untextured materials → COLOR_0 × their base colour, and one shared material for the kit. */
function colorsToVertices(doc: Document): void {
  const root = doc.getRoot()
  const plain = root.listMaterials().filter((m) => !m.getBaseColorTexture())
  if (plain.length === 0) return
  const kit: Material = doc.createMaterial('kit').setBaseColorFactor([1, 1, 1, 1]).setMetallicFactor(0).setRoughnessFactor(1)
  for (const mesh of root.listMeshes())
    for (const prim of mesh.listPrimitives()) {
      const mat = prim.getMaterial()
      if (mat && !plain.includes(mat)) continue
      const [r, g, b] = mat ? mat.getBaseColorFactor() : [1, 1, 1, 1]
      const pos = prim.getAttribute('POSITION')!
      const old = prim.getAttribute('COLOR_0')
      const out = new Float32Array(pos.getCount() * 3)
      const el: number[] = []
      for (let i = 0; i < pos.getCount(); i++) {
        const c = old ? old.getElement(i, el) : [1, 1, 1]
        out.set([c[0]! * r!, c[1]! * g!, c[2]! * b!], i * 3)
      }
      prim.setAttribute('COLOR_0', doc.createAccessor().setType('VEC3').setArray(out).setBuffer(pos.getBuffer()))
      prim.setMaterial(kit)
    }
  for (const m of plain) m.dispose()
}

/** A mesh's primitives that now share one material become one primitive: one draw call per mesh. */
function joinPerMesh(doc: Document): void {
  for (const mesh of doc.getRoot().listMeshes()) {
    const groups = new Map<Material | null, ReturnType<typeof mesh.listPrimitives>>()
    for (const p of mesh.listPrimitives()) groups.set(p.getMaterial(), [...(groups.get(p.getMaterial()) ?? []), p])
    for (const prims of groups.values()) {
      if (prims.length < 2) continue
      mesh.addPrimitive(joinPrimitives(prims))
      for (const p of prims) p.dispose()
    }
  }
}

/** Every PNG/JPEG texture re-encoded as KTX2 (Basis ETC1S, mipmapped). */
async function texturesToKtx2(doc: Document): Promise<void> {
  const textures = doc
    .getRoot()
    .listTextures()
    .filter((t: Texture) => t.getMimeType() !== 'image/ktx2')
  if (textures.length === 0) return
  doc.createExtension(KHRTextureBasisu).setRequired(true)
  for (const t of textures) {
    const ktx2 = await encodeToKTX2(t.getImage()!, {
      isUASTC: false,
      generateMipmap: true,
      enableDebug: false,
      imageDecoder: async (buf) => {
        const { data, info } = await sharp(Buffer.from(buf)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
        return { data: new Uint8Array(data), width: info.width, height: info.height }
      },
    })
    t.setImage(ktx2).setMimeType('image/ktx2')
    const uri = t.getURI()
    if (uri) t.setURI(uri.replace(/\.(png|jpe?g)$/i, '.ktx2'))
  }
}
