import { mkdtempSync, writeFileSync } from 'node:fs'
import { launchChromiumContext } from '../tests/e2e/chromium.ts'
import { startServer } from '../tests/e2e/harness.ts'

/**
 * Where the app's main-thread time goes while an exhibit's first step is on screen: a
 * DevTools-protocol CPU profile of a few seconds, summed by function (self and inclusive
 * time, % of all samples). Not part of `npm run bench`; run it on an unminified e2e build:
 *   vite build --mode e2e --minify false && tsx bench/frame-profile.ts 3d-printing [seconds]
 * Writes the raw profile to test-results/<id>.cpuprofile (opens in Chrome DevTools).
 */
interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
async function main() {
  const id = process.argv[2] ?? '3d-printing'
  const seconds = Number(process.argv[3] ?? 4)
  const server = await startServer()
  const ctx = await launchChromiumContext(mkdtempSync('/tmp/sophora-prof-'))
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    await page.goto(server.url)
    await page.locator('[data-testid="lobby"]').waitFor()
    await page.evaluate((p) => history.pushState(null, '', p), `/exhibit/${id}`)
    await page.locator('[data-testid="exhibit-view"][data-status="ready"]').waitFor({ timeout: 90_000 })
    await page.click('[data-testid="run-start"]')
    await page.waitForTimeout(1500)
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
    await cdp.send('Profiler.start')
    // the app's own loop, then the bare three.js loop, as the exhibit bench measures them
    await page.evaluate((n) => (window as unknown as { __sophora: { measureFrames(n: number): Promise<unknown> } }).__sophora.measureFrames(n), seconds * 60)
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[] } }
    writeFileSync(`test-results/${id}.cpuprofile`, JSON.stringify(profile))
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const parent = new Map<number, number>()
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
    const key = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
    const self = new Map<string, number>()
    const incl = new Map<string, number>()
    for (const s of profile.samples) {
      const n = byId.get(s)!
      self.set(key(n), (self.get(key(n)) ?? 0) + 1)
      const seen = new Set<string>()
      for (let x: number | undefined = s; x !== undefined; x = parent.get(x)) seen.add(key(byId.get(x)!))
      for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + 1)
    }
    const total = profile.samples.length
    const top = (m: Map<string, number>, k: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([name, c]) => `${((100 * c) / total).toFixed(1).padStart(5)}%  ${name}`)
    // Per loop: what each frame callback spends its time in (R3F's \`loop\` vs the bench's bare loop).
    for (const [label, test] of [
      ['app (R3F loop)', (n: Node) => n.callFrame.functionName === 'loop' && n.callFrame.url.includes('vendor')],
      ['bare three.js loop', (n: Node) => n.callFrame.functionName === 'loop' && !n.callFrame.url.includes('vendor')],
    ] as const) {
      const under = new Map<string, number>()
      let count = 0
      for (const s of profile.samples) {
        const chain: Node[] = []
        for (let x: number | undefined = s; x !== undefined; x = parent.get(x)) chain.push(byId.get(x)!)
        const at = chain.findIndex(test)
        if (at < 0) continue
        count++
        const seen = new Set(chain.slice(0, at).map(key))
        for (const k of seen) under.set(k, (under.get(k) ?? 0) + 1)
      }
      console.log(`== ${label}: ${count} samples ==`)
      for (const [k, c] of [...under.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(c).padStart(6)}  ${k}`)
    }
    console.log(`${total} samples\n-- self --\n${top(self, 45).join('\n')}\n-- inclusive --\n${top(incl, 70).join('\n')}`)
  } finally {
    await ctx.close()
    await server.stop()
  }
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
