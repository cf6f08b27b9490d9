import { buildE2E, staleBecause } from './e2e-build.ts'

/**
 * Builds the app once per run for every e2e file (see e2e-build.ts). Locally,
 * SOPHORA_E2E_REUSE_BUILD=1 reuses the last build while nothing it is made from changed.
 */
export default async function setup(): Promise<void> {
  if (process.env.SOPHORA_E2E_REUSE_BUILD === '1') {
    const why = staleBecause()
    if (!why) return
    console.log(`[e2e] rebuilding dist-e2e: ${why}`)
  }
  await buildE2E()
}
