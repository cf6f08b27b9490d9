import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildE2E, staleBecause } from '../tests/e2e/e2e-build.ts'
import { counts, launch, startServer, waitForExhibit, waitFrames } from '../tests/e2e/harness.ts'

/**
 * Look figures for issue 16: per step of an exhibit, renderer counts, transparent overdraw (mean
 * layers per pixel), texture memory and a small flat screenshot of the stage (640×360). `tsx bench/look-shots.ts <out-dir> <exhibit> [steps]`;
 * builds the e2e bundle first when it is stale (SOPHORA_EXHIBITS narrows it).
 */
const [out = 'bench/results/look', id = 'fire-escape', stepsArg = '1'] = process.argv.slice(2)
const upTo = Number(stepsArg)
if (!process.env.SOPHORA_E2E_REUSE_BUILD && staleBecause()) await buildE2E()
mkdirSync(out, { recursive: true })
const server = await startServer()
const b = await launch({ width: 640, height: 360 })
const rows: Array<{ step: number; calls: number; triangles: number; overdraw: number; textureKB: number }> = []
try {
  await b.page.goto(server.url)
  await b.page.click(`[data-testid="open-${id}"]`)
  await waitForExhibit(b.page)
  await b.page.click('[data-testid="run-start"]')
  // the right choice of each step, read from steps.ts as written (choice('x', true)); Node cannot import it (@sophora/sdk)
  const steps = [...readFileSync(`exhibits/${id}/steps.ts`, 'utf8').matchAll(/choice\('([^']+)', true\)/g)].map((m) => m[1]!)
  for (let i = 0; i < upTo; i++) {
    // the scene eases towards each step (walking, smoke level): let it settle
    await waitFrames(b.page, 90, 120_000)
    const c = await counts(b.page)
    const look = await b.page.evaluate(() => {
      const s = window.__sophora
      return s ? { overdraw: s.overdraw(), textureBytes: s.textureBytes() } : null
    })
    rows.push({
      step: i + 1,
      calls: c?.calls ?? -1,
      triangles: c?.triangles ?? -1,
      overdraw: Math.round((look?.overdraw ?? -1) * 100) / 100,
      textureKB: Math.round((look?.textureBytes ?? -1) / 1024),
    })
    writeFileSync(join(out, `${id}-step${i + 1}.png`), await b.page.locator('[data-testid="stage"] canvas').screenshot())
    const choice = steps[i]
    if (!choice || i === upTo - 1) break
    await b.page.click(`[data-testid="choice-${choice}"]`)
    await b.page.click('[data-testid="run-next"]')
  }
} finally {
  await b.close()
  await server.stop()
}
writeFileSync(join(out, `${id}-counts.json`), `${JSON.stringify(rows, null, 2)}\n`)
console.log(JSON.stringify(rows))
