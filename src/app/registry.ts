import { locales, manifests, modules } from 'virtual:sophora/exhibits'
import { createRegistry } from '../core/registry.ts'

/** The center's exhibits, discovered from exhibits/<id>/ at build time. */
export const registry = createRegistry({ manifests, locales, modules })

if (registry.unavailable.length && import.meta.env.DEV) {
  for (const u of registry.unavailable) console.warn(`[sophora] exhibit "${u.folder}" is unavailable`, u.problems)
}
