import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { launchChromiumContext } from '../tests/e2e/chromium.ts'
import { startServer, type Counts } from '../tests/e2e/harness.ts'
import { measureFrameRun, summarise, type FrameRun } from './frame-bench.ts'

export interface ExhibitBench {
  id: string
  drawCalls: number
  triangles: number
  geometries: number
  textures: number
  maxTextureSize: number
  leftAfterCycles: { geometries: number; textures: number }
  heapMB: { before: number; after: number }
  /**
   * App vs bare three.js loop, CPU per frame (bench/frame-bench.ts): the median of `runs`
   * (each an interleaved measurement) with its spread, and the machine's load average.
   */
  frame: { ratio: number; min: number; max: number; taskRatio: number; wallRatio: number; loadavg: number[]; runs: FrameRun[] }
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d

/**
 * Per exhibit, in real Chromium (SwiftShader) against the real server: renderer counts
 * while a step is on screen, counts left after 20 enter/exit cycles, JS heap before and
 * after, and main-thread CPU per frame of the app versus the same scene drawn by a bare
 * three.js loop in the same page (a ratio; absolute times mean little without a GPU).
 */
export async function runExhibitBench(opts: { cycles?: number; frames?: number; runs?: number } = {}): Promise<ExhibitBench[]> {
  const cycles = opts.cycles ?? 20
  const frames = opts.frames ?? 240
  const runs = opts.runs ?? 3
  const only = process.env.SOPHORA_EXHIBITS?.split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  const ids = readdirSync('exhibits')
    .filter((d) => existsSync(`exhibits/${d}/manifest.json`) && (!only || only.includes(d)))
    .sort()
  const server = await startServer()
  const ctx = await launchChromiumContext(mkdtempSync('/tmp/sophora-bench-'), {
    args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
  })
  const page = ctx.pages()[0] ?? (await ctx.newPage())
  type Hooks = { counts(): Counts | null }
  const counts = () => page.evaluate(() => (window as unknown as { __sophora: Hooks }).__sophora.counts()!)
  const heap = () =>
    page.evaluate(() => {
      // Twice: one collection leaves what only becomes garbage through it (weak maps,
      // finalizers), so a single gc() reads several MB of garbage that varies with timing.
      const gc = (window as unknown as { gc?: () => void }).gc
      gc?.()
      gc?.()
      return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20
    })
  const enter = async (id: string) => {
    await page.evaluate((p) => {
      history.pushState(null, '', p)
    }, `/exhibit/${id}`)
    // Locators, not waitForSelector: each ElementHandle that returns is held by DevTools until
    // disposed, and with it the whole detached DOM tree it belongs to (a heap snapshot showed
    // every old lobby kept alive that way: memory the page itself never kept).
    await page.locator('[data-testid="exhibit-view"][data-status="ready"]').waitFor({ timeout: 90_000 })
    await page.click('[data-testid="run-start"]')
    await page.waitForTimeout(400)
  }
  const exit = async () => {
    await page.click('[data-testid="back-to-lobby"]')
    await page.locator('[data-testid="lobby"]').waitFor()
    await page.waitForTimeout(150)
  }
  const out: ExhibitBench[] = []
  try {
    await page.goto(server.url)
    await page.locator('[data-testid="lobby"]').waitFor()
    for (const id of ids) {
      // Two visits first: the exhibit's chunk, the 3D stage's shared caches and the JIT's first
      // tiers are made once per page, not per visit; the heap baseline is taken after them.
      for (let i = 0; i < 2; i++) {
        await enter(id)
        await exit()
      }
      const base = await counts()
      const heapBefore = await heap()
      await enter(id)
      await page.waitForTimeout(1500)
      const live = await counts()
      const maxTextureSize = await page.evaluate(() => (window as unknown as { __sophora: { maxTextureSize?(): number } }).__sophora.maxTextureSize?.() ?? 0)
      const load = loadavg().map((x) => round(x, 1))
      const frameRuns: FrameRun[] = []
      for (let i = 0; i < runs; i++) frameRuns.push(await measureFrameRun(page, frames))
      const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
      await exit()
      for (let i = 1; i < cycles; i++) {
        await enter(id)
        await exit()
      }
      const after = await counts()
      const heapAfter = await heap()
      out.push({
        id,
        drawCalls: live.calls,
        triangles: live.triangles,
        geometries: live.geometries - base.geometries,
        textures: live.textures - base.textures,
        maxTextureSize,
        leftAfterCycles: { geometries: after.geometries - base.geometries, textures: after.textures - base.textures },
        heapMB: { before: round(heapBefore, 1), after: round(heapAfter, 1) },
        frame: {
          ...summarise(frameRuns),
          taskRatio: mid(frameRuns.map((r) => r.taskRatio)),
          wallRatio: round(mid(frameRuns.map((r) => r.appWallMs / r.plainWallMs))),
          loadavg: load,
          runs: frameRuns,
        },
      })
    }
  } finally {
    await ctx.close()
    await server.stop()
  }
  return out
}
