import { useEffect, useState } from 'react'
import { readRendererCounts, type RendererCounts } from '../../scene/stage-probe.ts'

/** Headset budgets (docs/authoring-exhibits.md, "Budgets"). */
export const BUDGET = { calls: 100, callsAim: 60, triangles: 300_000, frameMs: 1000 / 72 } as const

type Level = 'ok' | 'warn' | 'over'
const level = (v: number, aim: number, max: number): Level => (v <= aim ? 'ok' : v <= max ? 'warn' : 'over')

/**
 * Renderer counters (polled 4×/s from the app's one renderer) and frame time (requestAnimationFrame
 * delta, smoothed), coloured against the budgets. Frame times in headless or software-rendered
 * browsers are only good for comparisons; the counts are exact everywhere.
 */
export function PerfMeter() {
  const [c, setC] = useState<RendererCounts | null>(null)
  const [frameMs, setFrameMs] = useState(0)
  useEffect(() => {
    let last = performance.now()
    let smooth = 0
    let raf = requestAnimationFrame(function tick(now) {
      const dt = now - last
      last = now
      // ignore the gap after a hidden tab; otherwise an exponential moving average over ~20 frames
      if (dt < 500) smooth = smooth === 0 ? dt : smooth + (dt - smooth) * 0.05
      raf = requestAnimationFrame(tick)
    })
    const timer = setInterval(() => {
      setC(readRendererCounts())
      setFrameMs(smooth)
    }, 250)
    return () => {
      cancelAnimationFrame(raf)
      clearInterval(timer)
    }
  }, [])

  const row = (label: string, value: string, l: Level, title: string) => (
    <div className={`meter-row meter-${l}`} title={title} data-meter={label}>
      <span>{label}</span>
      <b>{value}</b>
    </div>
  )
  return (
    <div className="dev-meter" data-testid="dev-meter" aria-label="renderer meter">
      {c ? (
        <>
          {row(
            'calls',
            String(c.calls),
            level(c.calls, BUDGET.callsAim, BUDGET.calls),
            `draw calls per frame: aim ≤ ${BUDGET.callsAim}, at most ${BUDGET.calls}`,
          )}
          {row(
            'tris',
            c.triangles >= 1000 ? `${(c.triangles / 1000).toFixed(1)} K` : String(c.triangles),
            level(c.triangles, BUDGET.triangles, BUDGET.triangles),
            'triangles per frame: at most 300 K',
          )}
          {row('geoms', String(c.geometries), 'ok', 'geometries in GPU memory (must return to the lobby baseline after exit)')}
          {row('tex', String(c.textures), 'ok', 'textures in GPU memory (each ≤ 2048², must return to the baseline after exit)')}
          {row('progs', String(c.programs), 'ok', 'compiled shader programs')}
        </>
      ) : (
        <div className="meter-row">
          <span>renderer</span>
          <b>…</b>
        </div>
      )}
      {row(
        'frame',
        `${frameMs.toFixed(1)} ms`,
        level(frameMs, BUDGET.frameMs, BUDGET.frameMs * 1.5),
        'smoothed frame time: 13.9 ms = 72 Hz (only a ratio in software rendering)',
      )}
    </div>
  )
}
