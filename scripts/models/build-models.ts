import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { compressModel } from './compress.ts'
import { classroomKit, guideKit } from './kit-people.ts'
import { printerKit } from './kit-printer.ts'
import type { Piece } from './shapes.ts'
import { sourceDocument } from './source-doc.ts'

/** Each model the exhibits load: where it goes and what makes its source. */
export const MODELS: ReadonlyArray<{ out: string; make: () => Record<string, Piece[]> }> = [
  { out: 'exhibits/earthquake/assets/models/classroom-people.glb', make: classroomKit },
  { out: 'exhibits/fire-escape/assets/models/guide.glb', make: guideKit },
  { out: 'exhibits/3d-printing/assets/models/printer.glb', make: printerKit },
]

/** Builds one model's bytes (deterministic: the same source gives the same file). */
export async function buildModel(make: () => Record<string, Piece[]>): Promise<Uint8Array> {
  return compressModel(sourceDocument(make(), 'Sophora scripts/models (CC0)'))
}

// `npx tsx scripts/models/build-models.ts`: writes every model (run after changing a kit)
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const m of MODELS) {
    const bytes = await buildModel(m.make)
    mkdirSync(dirname(m.out), { recursive: true })
    writeFileSync(m.out, bytes)
    console.log(`${m.out}: ${(bytes.length / 1024).toFixed(1)} KB`)
  }
}
