import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import type { Rolldown } from 'vite'
import sharp from 'sharp'
import { LANGS, ManifestSchema } from '../core/manifest-schema.ts'
import { PANORAMA_MAX } from '../core/panorama.ts'
import { isPanorama } from '../core/validate.ts'
import { listExhibitFolders } from './exhibit-folders.ts'
import { readPanoramaFolder } from './panorama-folder.ts'

export const PANORAMA_MODULE = 'virtual:sophora/panorama/'
const PANORAMA_API = new URL('../scene/panorama/index.ts', import.meta.url).pathname
/** A picture bigger than this (bytes) is re-encoded even when its size in pixels is fine. */
const MAX_BYTES = 1_500_000

/** Every panorama folder under `dirs` (absolute), as the registry's module key and its virtual module id. */
export function panoramaFolders(root: string, dirs: string[], only: string[] | undefined): { key: string; id: string }[] {
  return dirs.flatMap((d) => {
    const abs = resolve(root, d)
    return listExhibitFolders(abs)
      .filter((f) => (!only || only.includes(f)) && isPanorama(readOr(join(abs, f, 'manifest.json'))))
      .map((f) => ({ key: `/${relative(root, join(abs, f, 'index.ts')).replaceAll('\\', '/')}`, id: `${PANORAMA_MODULE}${join(abs, f)}` }))
  })
}
const readOr = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined)

/**
 * The code of a panorama folder's exhibit module: its checked scenes.yaml inlined as JSON, and
 * an import per image. In a build, an image larger than 4096×2048 (or than 1.5 MB) is scaled
 * down and saved as a JPEG by sharp, then emitted as an asset; in dev the original is served.
 * A folder with problems never gets here in a build (buildStart fails first).
 */
export async function panoramaModuleCode(ctx: Rolldown.PluginContext, base: string, isBuild: boolean): Promise<string> {
  const folder = basename(base)
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8')))
  const { data, images, problems } = readPanoramaFolder(base, folder, manifest, null)
  if (!data || problems.length) throw new Error(`exhibits/${folder}: ${problems.map((p) => `${p.file} ${p.field}: ${p.message}`).join('; ')}`)
  for (const lang of LANGS) ctx.addWatchFile(join(base, 'locales', `${lang}.json`))
  ctx.addWatchFile(join(base, 'scenes.yaml'))
  const lines = [`import { createPanoramaExhibit } from ${JSON.stringify(PANORAMA_API)}`]
  const entries: string[] = []
  let n = 0
  for (const [rel, size] of Object.entries(images)) {
    const abs = join(base, rel)
    // its size is written into the module: a new picture under the same name must remake it
    ctx.addWatchFile(abs)
    const v = `img${n++}`
    if (isBuild && (size.tooBig || statSync(abs).size > MAX_BYTES)) {
      const out = await sharp(abs)
        .resize({ width: PANORAMA_MAX.width, height: PANORAMA_MAX.height, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer({ resolveWithObject: true })
      ctx.warn(
        `exhibits/${folder}/${rel}: ${size.width}×${size.height}, ${Math.round(statSync(abs).size / 1024)} KB → ${out.info.width}×${out.info.height}, ${Math.round(out.info.size / 1024)} KB (scaled down and compressed for the build; the file itself is unchanged)`,
      )
      const ref = ctx.emitFile({ type: 'asset', name: `${folder}-${basename(rel).replace(/\.\w+$/, '')}.jpg`, source: out.data })
      lines.push(`const ${v} = import.meta.ROLLUP_FILE_URL_${ref}`)
      entries.push(`${JSON.stringify(rel)}: { url: ${v}, width: ${out.info.width}, height: ${out.info.height} }`)
    } else {
      lines.push(`import ${v} from ${JSON.stringify(`${abs}?url`)}`)
      entries.push(`${JSON.stringify(rel)}: { url: ${v}, width: ${size.width}, height: ${size.height} }`)
    }
  }
  lines.push(`export default createPanoramaExhibit(${JSON.stringify(data)}, { ${entries.join(', ')} }, ${JSON.stringify(manifest.narration)})`)
  return lines.join('\n')
}
