import center from 'virtual:sophora-center'
import { locales, manifests, modules, problems } from 'virtual:sophora/exhibits'
import { registryForCenter } from '../core/center-profile.ts'
import { createRegistry } from '../core/registry.ts'

/**
 * The center's exhibits, discovered from exhibits/<id>/ at build time, with its local rules.
 * In dev, `problems` (the build's checks of every folder on disk) makes a folder with a locale or
 * sources mistake unavailable in the lobby like a manifest mistake; a build fails on them instead.
 */
export const registry = registryForCenter(createRegistry({ manifests, locales, modules, problems }), center)

if (registry.unavailable.length && import.meta.env.DEV) {
  for (const u of registry.unavailable) console.warn(`[sophora] exhibit "${u.folder}" is unavailable`, u.problems)
}
