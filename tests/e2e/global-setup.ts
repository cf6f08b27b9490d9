import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * Builds the app once in mode `e2e` (production code + test fixtures + XR emulator)
 * into dist-e2e/. Set SOPHORA_E2E_REUSE_BUILD=1 to reuse an existing build locally.
 */
export default function setup() {
  if (process.env.SOPHORA_E2E_REUSE_BUILD === '1' && existsSync('dist-e2e/index.html')) return
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'e2e', '--logLevel', 'warn'], { stdio: 'inherit' })
}
