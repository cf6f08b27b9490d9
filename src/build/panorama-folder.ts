import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import type { Manifest } from '../core/manifest-schema.ts'
import { PANORAMA_ASPECT_TOLERANCE, PANORAMA_FILE, PANORAMA_MAX, PanoramaDataSchema, panoramaIssues, type PanoramaData } from '../core/panorama.ts'
import type { ExhibitProblem } from '../core/validate.ts'
import { imageSize } from './image-size.ts'

export interface PanoramaFolder {
  problems: ExhibitProblem[]
  data?: PanoramaData
  /** image path (as in scenes.yaml) -> its size on disk */
  images: Record<string, { width: number; height: number; tooBig: boolean }>
}

/** zod's own wording for the mistakes staff make most, in plain words. */
function friendly(i: { code: string; message: string; keys?: string[]; expected?: string }): string {
  if (i.code === 'unrecognized_keys' && i.keys)
    return `${i.keys.map((k) => `"${k}"`).join(', ')} is not a name this file knows here (check the spelling; a hotspot has yaw, pitch and one of info, goto or choose)`
  if (i.code === 'invalid_type' && i.expected === 'array') return 'must be a list: one "- " line per item'
  return i.message
}

/** "scenes → 1st → hotspots → 2nd → yaw": a path in words, not indices from zero. */
function pathInWords(path: readonly PropertyKey[]): string {
  const ord = (n: number) =>
    `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`
  return path.map((p) => (typeof p === 'number' ? ord(p + 1) : String(p))).join(' → ') || '(whole file)'
}

/**
 * Reads and checks a panorama folder's scenes.yaml and images (build time and tests). Every
 * problem names the folder, the file, the place in words and the line, e.g.
 * `exhibits/x/scenes.yaml: field "scenes → 1st → hotspots → 2nd → yaw" (line 14): yaw (left/right) must be between -180 and 180 degrees`.
 */
export function readPanoramaFolder(base: string, folder: string, manifest: Manifest | undefined, localeKeys: ReadonlySet<string> | null): PanoramaFolder {
  const problems: ExhibitProblem[] = []
  const images: PanoramaFolder['images'] = {}
  const file = join(base, PANORAMA_FILE)
  if (!existsSync(file)) {
    problems.push({ folder, file: PANORAMA_FILE, field: '', message: 'is missing: a panorama exhibit describes its scenes, steps and quiz in it' })
    return { problems, images }
  }
  const lines = new LineCounter()
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false })
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const line = lines.linePos(e.pos[0]).line
      problems.push({
        folder,
        file: PANORAMA_FILE,
        field: `line ${line}`,
        message: `cannot be read (${e.message.split('\n')[0]}); check the indentation and the ":" after each name`,
      })
    }
    return { problems, images }
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined
      if (node?.range) return lines.linePos(node.range[0]).line
    }
    return 1
  }
  const at = (path: readonly PropertyKey[]) => `${pathInWords(path)} (line ${lineOf(path)})`
  const r = PanoramaDataSchema.safeParse(doc.toJS())
  if (!r.success) {
    for (const i of r.error.issues) problems.push({ folder, file: PANORAMA_FILE, field: at(i.path), message: friendly(i) })
    return { problems, images }
  }
  const data = r.data
  if (manifest)
    for (const i of panoramaIssues(data, manifest, localeKeys)) problems.push({ folder, file: PANORAMA_FILE, field: at(i.path), message: i.message })

  data.scenes.forEach((s, i) => {
    const rel = s.image ?? s.photo!
    const field = at(['scenes', i, s.image ? 'image' : 'photo'])
    const usedAt = `(used in ${PANORAMA_FILE} at ${field})`
    const abs = join(base, rel)
    if (!existsSync(abs)) {
      problems.push({ folder, file: PANORAMA_FILE, field, message: `the image ${rel} is not in the folder (put the file at exhibits/${folder}/${rel})` })
      return
    }
    const size = imageSize(abs)
    if (!size) {
      problems.push({ folder, file: rel, field: '', message: `is not a JPEG or PNG image that can be read: save it again as .jpg ${usedAt}` })
      return
    }
    const { width, height } = size
    if (s.image && Math.abs(width / height - 2) > 2 * PANORAMA_ASPECT_TOLERANCE) {
      problems.push({
        folder,
        file: rel,
        field: '',
        message: `is ${width}×${height} pixels, but a 360° panorama is exactly twice as wide as high (e.g. 4096×2048); use the panorama as your camera app saved it, or write "photo:" instead of "image:" for an ordinary photo ${usedAt}`,
      })
    }
    if (width < 256 || height < 128)
      problems.push({ folder, file: rel, field: '', message: `is only ${width}×${height} pixels: use an image at least 1024 pixels wide ${usedAt}` })
    images[rel] = { width, height, tooBig: width > PANORAMA_MAX.width || height > PANORAMA_MAX.height }
  })
  return { problems, images, data }
}
