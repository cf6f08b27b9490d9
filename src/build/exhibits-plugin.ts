import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { describeProblems, validateExhibitDir } from './exhibit-folders.ts'
import { PANORAMA_MODULE, panoramaFolders, panoramaModuleCode } from './panorama-modules.ts'

export const EXHIBITS_MODULE = 'virtual:sophora/exhibits'
const RESOLVED = `\0${EXHIBITS_MODULE}`

/**
 * Discovers exhibits: manifests and locales eagerly, code lazily (one chunk per exhibit).
 * Folders listed in `dirs` (relative to the Vite root); tests add their fixture folder.
 * A broken manifest or locale file fails `vite build` naming folder, file and field;
 * in dev it is only warned about, and the module's `problems` makes the lobby list the folder as
 * unavailable with the same message (saving a file in an exhibit folder checks again).
 * `only` (env SOPHORA_EXHIBITS=a,b) builds a subset: a kiosk showing some exhibits, or
 * working on one while another folder is half-written.
 */
export function exhibitsPlugin(opts: { dirs: string[]; only?: string[] }): Plugin {
  const only = opts.only?.length ? opts.only : undefined
  const folderGlob = only ? (only.length === 1 ? only[0]! : `{${only.join(',')}}`) : '*'
  let root = process.cwd()
  let isBuild = false
  const check = () => opts.dirs.flatMap((d) => validateExhibitDir(resolve(root, d))).filter((p) => !only || only.includes(p.folder))
  return {
    name: 'sophora:exhibits',
    configResolved(c) {
      root = c.root
      isBuild = c.command === 'build'
    },
    buildStart() {
      const problems = check()
      if (problems.length === 0) return
      if (isBuild) this.error(describeProblems(problems))
      else this.warn(describeProblems(problems))
    },
    resolveId(id) {
      if (id.startsWith(PANORAMA_MODULE)) return `\0${id}`
      return id === EXHIBITS_MODULE ? RESOLVED : undefined
    },
    async load(id) {
      if (id.startsWith(`\0${PANORAMA_MODULE}`)) return panoramaModuleCode(this, id.slice(1 + PANORAMA_MODULE.length), isBuild)
      if (id !== RESOLVED) return undefined
      const pats = (suffix: string) =>
        JSON.stringify(opts.dirs.map((d) => `/${relative(root, resolve(root, d)).replaceAll('\\', '/')}/${folderGlob}/${suffix}`))
      return [
        `export const manifests = import.meta.glob(${pats('manifest.json')}, { eager: true, import: 'default' })`,
        `export const locales = import.meta.glob(${pats('locales/*.json')}, { import: 'default' })`,
        // a panorama folder has no index.ts: its module is made from its data (panorama-modules.ts)
        `export const modules = { ...import.meta.glob(${pats('index.ts')}), ${panoramaFolders(root, opts.dirs, only)
          .map((p) => `${JSON.stringify(p.key)}: () => import(${JSON.stringify(p.id)})`)
          .join(', ')} }`,
        `export const narration = import.meta.glob(${pats('assets/narration/*/*.mp3')}, { eager: true, query: '?url', import: 'default' })`,
        `export const recordedNarration = ${JSON.stringify(opts.dirs.flatMap((d) => recordedNarration(root, d, only)))}`,
        `export const problems = ${JSON.stringify(isBuild ? [] : check())}`,
      ].join('\n')
    },
    configureServer(server) {
      // a locale file or sources.md is not imported by the lobby, so Vite would not notice it: check again
      const dirs = opts.dirs.map((d) => `${resolve(root, d)}/`)
      const onFile = (file: string) => {
        if (
          !dirs.some((d) => file.startsWith(d)) ||
          !/(\/locales\/[^/]+\.json|\/manifest\.json|\/sources\.md|\/index\.tsx?|\/scenes\.yaml|\/images\/[^/]+)$/.test(file)
        )
          return
        const mod = server.moduleGraph.getModuleById(RESOLVED)
        if (mod) server.moduleGraph.invalidateModule(mod)
        server.ws.send({ type: 'full-reload' })
      }
      for (const event of ['change', 'add', 'unlink'] as const) server.watcher.on(event, onFile)
    },
  }
}

/**
 * Keys (as in the `narration` glob) of the mp3s a person recorded: the narration manifest's
 * `recorded: true`. Read here at build time so the bundle carries a short list, not the manifests.
 */
function recordedNarration(root: string, dir: string, only: string[] | undefined): string[] {
  const abs = resolve(root, dir)
  if (!existsSync(abs)) return []
  const out: string[] = []
  for (const id of readdirSync(abs).sort()) {
    const file = join(abs, id, 'assets/narration/manifest.json')
    if ((only && !only.includes(id)) || !existsSync(file)) continue
    let cues: unknown
    try {
      cues = (JSON.parse(readFileSync(file, 'utf8')) as { cues?: unknown }).cues
    } catch {
      continue
    } // gen:audio --check reports it
    for (const [lang, byCue] of Object.entries(cues && typeof cues === 'object' ? cues : {})) {
      for (const [cue, entry] of Object.entries(byCue && typeof byCue === 'object' ? byCue : {})) {
        if ((entry as { recorded?: unknown }).recorded === true)
          out.push(`/${relative(root, join(abs, id, 'assets/narration', lang, `${cue}.mp3`)).replaceAll('\\', '/')}`)
      }
    }
  }
  return out
}
