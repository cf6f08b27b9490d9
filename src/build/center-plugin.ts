import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { checkVariantKeys, parseCenterProfile, type CenterProfile } from '../core/center-profile.ts'

export const CENTER_MODULE = 'virtual:sophora-center'
const RESOLVED = `\0${CENTER_MODULE}`

/**
 * Read and check centers/<id>.json under `root`: the schema, then that every text variant
 * names a locale key its exhibit really has. Throws an Error naming file and field.
 */
export function loadCenterProfile(root: string, id = process.env.SOPHORA_CENTER?.trim() || 'generic', exhibitsDir = 'exhibits'): CenterProfile {
  const file = `centers/${id}.json`
  const path = resolve(root, file)
  if (!existsSync(path)) throw new Error(`Center profile ${file} not found (SOPHORA_CENTER=${id}); the profiles are the files in centers/`)
  const profile = parseCenterProfile(file, readFileSync(path, 'utf8'))
  const problems = checkVariantKeys(profile, file, (ex) => {
    const zh = join(resolve(root, exhibitsDir), ex, 'locales', 'zh-CN.json')
    return existsSync(zh) ? new Set(Object.keys(JSON.parse(readFileSync(zh, 'utf8')) as object)) : undefined
  })
  if (problems.length) throw new Error(`Invalid center profile:\n  - ${problems.join('\n  - ')}`)
  return profile
}

/**
 * Exposes the selected center profile as `virtual:sophora-center` (default export: the parsed
 * profile). Exhibits never import it: they read it through the SDK (`centerVariant`) and the
 * platform lays its texts over their locale files.
 */
export function centerPlugin(opts: { profile?: CenterProfile } = {}): Plugin {
  let profile = opts.profile
  return {
    name: 'sophora:center',
    configResolved(c) {
      profile ??= loadCenterProfile(c.root)
    },
    resolveId(id) {
      return id === CENTER_MODULE ? RESOLVED : undefined
    },
    load(id) {
      return id === RESOLVED ? `export default ${JSON.stringify(profile)}` : undefined
    },
  }
}
