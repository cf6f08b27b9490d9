import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createServer } from 'vite'
import type { StepDef } from '../../src/core/exhibit-kit.ts'
import { ManifestSchema } from '../../src/core/manifest-schema.ts'
import { panoramaContent } from '../../tests/contract/panorama-content.ts'

/** A step as the look check plays it: its id and the choice a student who learned the lesson clicks. */
export interface PlannedStep {
  id: string
  right: string
}

/**
 * Each exhibit's steps, from its own files: scenes.yaml for a panorama, steps.ts for code. Node
 * alone cannot import steps.ts (it imports `@sophora/sdk`, which reads virtual modules), so Vite
 * loads it with the unit tests' configuration (their aliases and plugins), as vitest does.
 */
export async function stepPlans(ids: string[]): Promise<Map<string, PlannedStep[]>> {
  const plans = new Map<string, PlannedStep[]>()
  const right = (steps: StepDef[]) => steps.map((s) => ({ id: s.id, right: s.choices.find((c) => c.correct)!.id }))
  const code: string[] = []
  for (const id of ids) {
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(`exhibits/${id}/manifest.json`, 'utf8')))
    if (manifest.kind === 'panorama') plans.set(id, right(panoramaContent(resolve('exhibits', id), manifest).steps))
    else code.push(id)
  }
  if (!code.length) return plans
  const vite = await createServer({
    configFile: 'vitest.config.ts',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    for (const id of code) plans.set(id, right(((await vite.ssrLoadModule(`/exhibits/${id}/steps.ts`)) as { steps: StepDef[] }).steps))
  } finally {
    await vite.close()
  }
  return plans
}
