import type { Page } from 'playwright-core'

/**
 * The frame bench: how much main-thread CPU the app spends per frame against the same scene
 * drawn by a bare three.js loop in the same page (the test bridge's `measureFrames`, which
 * alternates the two loops in ABBA blocks).
 *
 * Why a DevTools trace and not only `performance.now()` around each frame callback: that
 * timer is coarse here (100 µs steps without cross-origin isolation, for ~1 ms frames), and a
 * wall-clock span also counts the time the thread was descheduled on a loaded machine and the
 * time WebGL calls block on the GPU process (SwiftShader rasterising on the same 2 cores), so
 * it measured the machine's load as much as the framework. Each trace event carries `tdur`,
 * the thread's own CPU time, to the microsecond.
 */
export interface FrameRun {
  /** CPU µs per frame in the frame callbacks (requestAnimationFrame) */
  appCpuUs: number
  plainCpuUs: number
  ratio: number
  /** all main-thread tasks (React commits, timers, input…) per frame, both loops */
  appTaskUs: number
  plainTaskUs: number
  taskRatio: number
  /** the old figure: wall ms per frame callback, trimmed mean (kept for comparison) */
  appWallMs: number
  plainWallMs: number
  frames: { app: number; plain: number }
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
  args?: { data?: { message?: string } }
}

const trimmedMean = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b).slice(0, Math.max(1, Math.floor(xs.length * 0.9)))
  return s.reduce((a, b) => a + b, 0) / s.length
}
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d

/** Frames whose cost still belongs to the switch between loops (first callbacks of a block). */
const SKIP_AFTER_SWITCH = 3

export async function measureFrameRun(page: Page, frames: number, block = 30): Promise<FrameRun> {
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as unknown as TraceEvent[])
      if (ev.name === 'TimeStamp' || ev.name === 'FireAnimationFrame' || ev.name === 'RunTask') events.push(ev)
  })
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'], enableSampling: false },
  } as never)
  type Hooks = { measureFrames(n: number, block: number): Promise<{ r3f: number[]; plain: number[] }> }
  const wall = await page.evaluate(([n, b]) => (window as unknown as { __sophora: Hooks }).__sophora.measureFrames(n, b), [frames, block] as const)
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
  await cdp.send('Tracing.end')
  await done
  await cdp.detach()

  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('sophora-frames:')).sort((a, b) => a.ts - b.ts)
  const main = marks[0]
  if (!main) throw new Error('frame bench: no sophora-frames marks in the trace')
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X'
  const sum = { app: { cpu: 0, task: 0, frames: 0 }, plain: { cpu: 0, task: 0, frames: 0 } }
  for (let i = 0; i + 1 < marks.length; i++) {
    const loop = marks[i]!.args!.data!.message!.slice('sophora-frames:'.length)
    if (loop !== 'app' && loop !== 'plain') continue
    const from = marks[i]!.ts,
      to = marks[i + 1]!.ts
    const inBlock = (e: TraceEvent) => onMain(e) && e.ts >= from && e.ts < to
    // the frame callbacks in this block, grouped by the task they ran in (one task per frame)
    const tasks = events.filter((e) => e.name === 'RunTask' && inBlock(e)).sort((a, b) => a.ts - b.ts)
    const fires = events.filter((e) => e.name === 'FireAnimationFrame' && inBlock(e))
    const frameTasks = tasks.filter((t) => fires.some((f) => f.ts >= t.ts && f.ts < t.ts + (t.dur ?? 0)))
    const counted = frameTasks.slice(SKIP_AFTER_SWITCH)
    if (counted.length === 0) continue
    const first = counted[0]!.ts
    for (const t of counted) {
      sum[loop].frames++
      for (const f of fires) if (f.ts >= t.ts && f.ts < t.ts + (t.dur ?? 0)) sum[loop].cpu += f.tdur ?? f.dur ?? 0
    }
    // every main-thread task from the first counted frame to the end of the block
    for (const t of tasks) if (t.ts >= first) sum[loop].task += t.tdur ?? t.dur ?? 0
  }
  const per = (x: number, n: number) => (n ? x / n : NaN)
  const appCpuUs = per(sum.app.cpu, sum.app.frames),
    plainCpuUs = per(sum.plain.cpu, sum.plain.frames)
  const appTaskUs = per(sum.app.task, sum.app.frames),
    plainTaskUs = per(sum.plain.task, sum.plain.frames)
  return {
    appCpuUs: round(appCpuUs, 1),
    plainCpuUs: round(plainCpuUs, 1),
    ratio: round(appCpuUs / plainCpuUs, 3),
    appTaskUs: round(appTaskUs, 1),
    plainTaskUs: round(plainTaskUs, 1),
    taskRatio: round(appTaskUs / plainTaskUs, 3),
    appWallMs: round(trimmedMean(wall.r3f)),
    plainWallMs: round(trimmedMean(wall.plain)),
    frames: { app: sum.app.frames, plain: sum.plain.frames },
  }
}

/** The median of several runs' ratios (`ratio`) and their spread. */
export function summarise(runs: FrameRun[]): { ratio: number; min: number; max: number } {
  const r = runs.map((x) => x.ratio).sort((a, b) => a - b)
  return { ratio: r[Math.floor(r.length / 2)]!, min: r[0]!, max: r[r.length - 1]! }
}
