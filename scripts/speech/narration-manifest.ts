/**
 * exhibits/<id>/assets/narration/manifest.json: what gen-audio knows about each cue's file.
 * Read by the generator and by the narration check (tests, `gen:audio --check`).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'

export const NarrationEntrySchema = z.object({
  /** sha256 (16 hex) of the subtitle text the file was made from */
  textHash: z.string(),
  /** sha256 (16 hex) of the mp3 */
  fileHash: z.string(),
  /** a person's recording: adopted, never overwritten, exempt from the synthesis check */
  recorded: z.boolean(),
  /** the synthesis pipeline and its settings (see synth-pipeline.ts); absent for recordings */
  synth: z.string().optional(),
  /** the exact text the synthesiser read, where it differs from the subtitle (zh-CN: the pinyin) */
  input: z.string().optional(),
  bytes: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative(),
})
export type NarrationEntry = z.infer<typeof NarrationEntrySchema>

export const NarrationManifestSchema = z.object({
  version: z.literal(1),
  cues: z.record(z.string(), z.record(z.string(), NarrationEntrySchema)),
})
export type NarrationManifest = z.infer<typeof NarrationManifestSchema>

/** A missing file is an empty manifest; a malformed one throws naming the file. */
export function readNarrationManifest(file: string): NarrationManifest {
  if (!existsSync(file)) return { version: 1, cues: {} }
  const parsed = NarrationManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${file} is not a valid narration manifest: ${parsed.error.message}`)
  return parsed.data
}

/** The short content hash used for texts and files in the manifest. */
export const sha16 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex').slice(0, 16)
