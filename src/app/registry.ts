import center from 'virtual:sophora-center'
import { locales, manifests, modules } from 'virtual:sophora/exhibits'
import { registryForCenter } from '../core/center-profile.ts'
import { createRegistry } from '../core/registry.ts'

/** The center's exhibits, discovered from exhibits/<id>/ at build time, with its local rules. */
export const registry = registryForCenter(createRegistry({ manifests, locales, modules }), center)

if (registry.unavailable.length && import.meta.env.DEV) {
  for (const u of registry.unavailable) console.warn(`[sophora] exhibit "${u.folder}" is unavailable`, u.problems)
}
