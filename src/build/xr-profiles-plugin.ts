import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'

/**
 * Controller and hand models come from a CDN by default; kiosks are offline. We serve a
 * few profiles (Quest 2/3, Pico 4, generic fallbacks) from @webxr-input-profiles/assets
 * under /xr-profiles/ in dev and copy them into the build.
 */
export const XR_PROFILES = ['generic-hand', 'generic-trigger', 'meta-quest-touch-plus', 'oculus-touch-v3', 'pico-4', 'pico-4u'] as const
export const XR_PROFILES_BASE = '/xr-profiles/'

function profilesRoot(): string {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('@webxr-input-profiles/assets/package.json')
  return join(pkg, '..', 'dist', 'profiles')
}

function files(): Map<string, string> {
  const root = profilesRoot()
  const out = new Map<string, string>([['profilesList.json', join(root, 'profilesList.json')]])
  for (const id of XR_PROFILES) {
    const dir = join(root, id)
    if (!existsSync(dir)) continue
    for (const f of readdirSync(dir)) out.set(`${id}/${f}`, join(dir, f))
  }
  return out
}

export function xrProfilesPlugin(): Plugin {
  return {
    name: 'sophora:xr-profiles',
    configureServer(server) {
      const map = files()
      server.middlewares.use(XR_PROFILES_BASE, (req, res, next) => {
        const file = map.get((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '')
        if (!file) return next()
        res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'model/gltf-binary')
        res.end(readFileSync(file))
      })
    },
    generateBundle() {
      for (const [name, file] of files()) {
        this.emitFile({ type: 'asset', fileName: `${XR_PROFILES_BASE.slice(1)}${name}`, source: readFileSync(file) })
      }
    },
  }
}
