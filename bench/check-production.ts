import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { bundleReport } from './bundle-sizes.ts'
import { precacheUrls } from './pwa-bench.ts'

/**
 * Run after `npm run build` (CI does): fails if the IWER XR emulator reached any
 * production chunk, the lobby's first load exceeds its 200 KB gzip budget, or the service
 * worker would leave a station without some chunk, sound, font or XR controller profile offline.
 */
const r = bundleReport('dist')
const problems: string[] = []
if (r.emulatorInProduction.length) problems.push(`XR emulator code in production chunks: ${r.emulatorInProduction.join(', ')}`)
if (r.lobbyFirstLoadGzip > 200 * 1024) problems.push(`lobby first load is ${(r.lobbyFirstLoadGzip / 1024).toFixed(1)} KB gzip (budget 200 KB)`)
console.log(
  `lobby first load ${(r.lobbyFirstLoadGzip / 1024).toFixed(1)} KB gzip; 3D stage ${(r.stageGzip / 1024).toFixed(1)} KB; emulator in production: ${r.emulatorInProduction.length ? 'YES' : 'no'}`,
)
if (!existsSync('dist/sw.js')) problems.push('no service worker (dist/sw.js)')
else {
  const cached = new Set(precacheUrls('dist'))
  const offline = (dir: string) =>
    (existsSync(join('dist', dir)) ? readdirSync(join('dist', dir), { recursive: true, encoding: 'utf8' }) : []).map((f) => `${dir}/${f}`)
  const needed = [...offline('assets'), ...offline('xr-profiles')].filter((f) => /\.(js|css|mp3|ogg|wav|woff2?|ttf|json|glb)$/.test(f))
  const missing = needed.filter((f) => !cached.has(f.replaceAll('\\', '/')))
  if (missing.length) problems.push(`not precached by the service worker: ${missing.join(', ')}`)
  console.log(`service worker precaches ${cached.size} files`)
}
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
