import { Document, Logger } from '@gltf-transform/core'
import { mergePieces, type Piece } from './shapes.ts'

/**
 * A source glTF document from modelled pieces: one node (named, at the origin) per part, its
 * pieces merged into one primitive with their colours as COLOR_0. The pipeline (compress.ts)
 * treats it like any kit's file.
 */
export function sourceDocument(parts: Record<string, readonly Piece[]>, generator: string): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN))
  doc.getRoot().getAsset().generator = generator
  const buffer = doc.createBuffer()
  const scene = doc.createScene('kit')
  const material = doc.createMaterial('kit').setMetallicFactor(0).setRoughnessFactor(1)
  for (const [name, pieces] of Object.entries(parts)) {
    const g = mergePieces(pieces)
    const prim = doc
      .createPrimitive()
      .setMaterial(material)
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(g.index).setBuffer(buffer))
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(g.position).setBuffer(buffer))
      .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(g.normal).setBuffer(buffer))
      .setAttribute('COLOR_0', doc.createAccessor().setType('VEC3').setArray(g.color).setBuffer(buffer))
    scene.addChild(doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(prim)))
  }
  return doc
}
