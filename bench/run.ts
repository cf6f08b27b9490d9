import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { bundleReport, mergeBundleReports, type BundleReport } from './bundle-sizes.ts'
import { runExhibitBench, type ExhibitBench } from './exhibit-bench.ts'
import { runPwaBench, type PwaBench } from './pwa-bench.ts'
import { runStartupBench, type StartupBench } from './startup-bench.ts'
import type { SoakBench } from './soak-bench.ts'

/**
 * `npm run bench`: prints figures and writes bench/results/*.json and BENCHMARKS.md.
 * Not a test: nothing here passes or fails on timing; budgets are reported side by side.
 */
const BUDGET = { drawCalls: 100, triangles: 300_000, maxTexture: 2048, frameRatio: 1.15, lobbyKB: 200 }
const kb = (n: number) => Math.round(n / 102.4) / 10
const vite = (...args: string[]) =>
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...args], { stdio: 'inherit' })

function bundleSection(b: BundleReport): string[] {
  return [
    '## Bundle (production build, gzip -9)',
    '',
    '| part | KB | budget |',
    '|---|---:|---|',
    `| lobby first load (${b.lobbyFiles.length} JS files) | ${kb(b.lobbyFirstLoadGzip)} | ≤ ${BUDGET.lobbyKB} KB ${kb(b.lobbyFirstLoadGzip) <= BUDGET.lobbyKB ? '✅' : '❌'} |`,
    `| 3D stage (three, R3F, XR, drei text), loaded when an exhibit opens | ${kb(b.stageGzip)} | — |`,
    ...Object.entries(b.exhibits).map(([id, n]) => `| exhibit \`${id}\` own chunk(s) | ${kb(n)} | — |`),
    '',
    `XR emulator (IWER) in production chunks: **${b.emulatorInProduction.length ? b.emulatorInProduction.join(', ') : 'none'}**.`,
    '',
  ]
}

function exhibitsSection(rows: ExhibitBench[]): string[] {
  const runs = rows[0]?.frame.runs ?? []
  return [
    '## Exhibits (headless Chromium, SwiftShader, 640×360)',
    '',
    'Counts while the first step is on screen. "Left after 20 cycles" = geometries/textures above the baseline taken after a first enter/exit (the shared 3D font atlas is part of the baseline).',
    '',
    `Frame CPU (\`bench/frame-bench.ts\`): the app's loop (React + R3F + XR upkeep + exhibit logic + render) against the same scene, camera and renderer driven by a bare \`requestAnimationFrame\` loop in the same page that calls the exhibit's same per-frame animation functions and \`renderer.render\` (what a plain three.js build of the exhibit would do). The two loops alternate in blocks of 30 frames (ABBA, the first frames after each switch not counted), ${runs[0] ? runs[0].frames.app : 'n'}-odd frames each per run; the figure is the main thread's **CPU time** in the frame callbacks, read from a DevTools trace (\`tdur\`, µs), not wall time around them (a coarse 100 µs timer that also counted the thread being descheduled on this shared machine and WebGL calls waiting on SwiftShader). Ratio = median of ${runs.length} runs in one invocation (min–max); "all tasks" adds every main-thread task per frame (React commits, timers) for both loops; "wall" is the old wall-clock figure from the same frames, for comparison. Load average (1/5/15 min) when the exhibit's runs began.`,
    '',
    '| exhibit | draw calls | triangles | geometries | textures | largest texture | left after 20 cycles (geo/tex) | JS heap MB before → after | app µs CPU | plain three.js µs CPU | ratio (min–max) | all tasks | wall | load |',
    '|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const f = r.frame
      const mid = f.runs.find((x) => x.ratio === f.ratio) ?? f.runs[0]
      return `| ${r.id} | ${r.drawCalls} ${r.drawCalls <= BUDGET.drawCalls ? '✅' : '❌'} | ${r.triangles} ${r.triangles <= BUDGET.triangles ? '✅' : '❌'} | ${r.geometries} | ${r.textures} | ${r.maxTextureSize}${r.maxTextureSize <= BUDGET.maxTexture ? '' : ' ❌'} | ${r.leftAfterCycles.geometries} / ${r.leftAfterCycles.textures} ${r.leftAfterCycles.geometries === 0 && r.leftAfterCycles.textures === 0 ? '✅' : '❌'} | ${r.heapMB.before} → ${r.heapMB.after} | ${mid?.appCpuUs} | ${mid?.plainCpuUs} | ${f.ratio} (${f.min}–${f.max}) ${f.ratio <= BUDGET.frameRatio ? '✅' : '❌'} | ${f.taskRatio} | ${f.wallRatio} | ${f.loadavg.join(' / ')} |`
    }),
    '',
    `Budgets: ≤ ${BUDGET.drawCalls} draw calls (aim ≤ 60), ≤ ${BUDGET.triangles / 1000} K triangles, textures ≤ ${BUDGET.maxTexture}², nothing left after 20 cycles, frame CPU ratio ≤ ${BUDGET.frameRatio} (median).`,
    '',
  ]
}

function pwaSection(p: PwaBench): string[] {
  const row = (name: string, r: PwaBench['cached']) => `| ${name} | ${r.lobbyMs} (${r.lobbySpread}) | ${r.exhibitMs} (${r.exhibitSpread}) |`
  return [
    `## Offline station app (service worker, production build, CPU throttled ${p.cpuThrottle}×)`,
    '',
    `Precache: **${p.precache.mb} MB** in ${p.precache.entries} files (${Object.entries(p.precache.byKind)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} MB).`,
    '',
    `Median of ${p.rounds} rounds in one run, ms (min–max). Lobby: navigation start → lobby cards; exhibit: click → \`fire-escape\` ready. Uncached: a fresh profile's first load (the service worker precaches meanwhile); cached: the same station reloaded once the worker controls it.`,
    '',
    '| load | lobby ms | exhibit ms |',
    '|---|---:|---:|',
    row('uncached (first load)', p.uncached),
    row('cached (service worker)', p.cached),
    '',
  ]
}

function startupSection(b: StartupBench): string[] {
  const rates = Object.keys(b.byRate).sort((x, y) => Number(y) - Number(x))
  const cell = (t: { ms: number; spread: string }) => `${t.ms} (${t.spread})`
  const ids = Object.keys(b.byRate[rates[0]!]?.exhibits ?? {})
  return [
    '## Time to the lobby and to the first step (production build, 1280×800)',
    '',
    `Median of ${b.rounds} rounds in one run, ms (min–max); CPU throttled over the DevTools protocol (4× ≈ a low-end tablet) and unthrottled, alternating. Every visit starts from a fresh page load with a warm HTTP cache (no service worker; the uncached first load is in the PWA section). Lobby: navigation start → lobby cards (one load per visit). Ready: click on "进入体验" → exhibit ready; first step: the same click → start pressed at once → first step's prompt on screen. Load average (1/5/15 min) at the start: ${b.loadavg.join(' / ')}.`,
    '',
    `| | ${rates.map((r) => `CPU ${r}×`).join(' | ')} |`,
    `|---|${rates.map(() => '---:').join('|')}|`,
    `| lobby (navigation → cards) | ${rates.map((r) => cell(b.byRate[r]!.lobby)).join(' | ')} |`,
    ...ids.map(
      (id) =>
        `| ${id}: 进入体验 → first step; → ready | ${rates.map((r) => `${cell(b.byRate[r]!.exhibits[id]!.firstStep)}; ready ${b.byRate[r]!.exhibits[id]!.ready.ms}`).join(' | ')} |`,
    ),
    '',
  ]
}

/** The soak set beside its control run (V8's compilers off): how much of the JS heap's growth is machine code. */
function jitLine(s: SoakBench, control: SoakBench): string {
  const ends = (b: SoakBench) => [b.points.find((p) => p.reading === 'warm')!, b.points.at(-1)!] as const
  const [w, e] = ends(s)
  const [cw, ce] = ends(control)
  const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${Math.round(((b - a) / a) * 1000) / 10} %`
  const steps = s.points.filter((p) => p.reading !== 'cold').map((p) => p.codeMB)
  const perStep = steps.slice(1).map((x, i) => {
    const d = Math.round((x - steps[i]!) * 100) / 100
    return `${d >= 0 ? '+' : ''}${d}`
  })
  return `Against the control run (V8's compilers off, ${control.visits} visits, below): there the JS heap went ${cw.heapMB} → ${ce.heapMB} MB (${pct(cw.heapMB, ce.heapMB)}) and compiled code ${cw.codeMB} → ${ce.codeMB} MB, so the page itself keeps nothing more as the day goes on; here the JS heap went ${w.heapMB} → ${e.heapMB} MB (${pct(w.heapMB, e.heapMB)}), of which compiled code ${w.codeMB} → ${e.codeMB} MB (${perStep.join(', ')} MB per reading): machine code V8 makes for more functions as they get warm (Sparkplug, Maglev, TurboFan), which a page cannot turn off.`
}

function soakSection(s: SoakBench, control?: SoakBench): string[] {
  const v = s.verdict
  const sign = (x: number) => `${x >= 0 ? '+' : ''}${x}`
  const idb = s.indexedDbAfterReopen
  const roll = idb?.rollover
  return [
    s.jsFlags
      ? `## The same soak with V8's compilers off (control run: \`npm run bench -- soak --interpreter\`, V8 flags \`${s.jsFlags}\`, ${s.visits} visits)`
      : `## A whole day at one station (soak: ${s.visits} visits on one page, e2e build)`,
    '',
    ...(s.jsFlags
      ? [
          'Only the interpreter runs the page: V8 makes no machine code as the day goes on, so what the JS heap still gains is what the page itself keeps. Set beside the run above, the difference is the JIT.',
          '',
        ]
      : []),
    `All ${s.exhibits.length} exhibits round robin; each visit: passport check-in, open the exhibit, start, answer the first step, go on, walk away; the station's idle reset (${s.idleSeconds} s + ${s.idleSeconds} s countdown) ends it and shows the attract loop, which the next visitor touches. Readings at the lobby: *cold* (just loaded, no exhibit opened), *warm* (after one visit to each exhibit: each exhibit's code loaded and compiled once — the baseline), then every ${s.points.find((p) => p.reading === 'soak')?.visits ?? 50} visits; heap after two forced GCs (\`performance.memory\`), and a heap snapshot at each reading split into V8's compiled code (bytecode, machine code, feedback, function infos and optimised code's dependency lists), DevTools' network log (the bench's CDP session keeps a record of every request and XHR for the page's life; a station runs without DevTools) and the rest, the *station heap* (the app's objects, the DOM, the browser's own capped buffers such as performance entries); DOM nodes and listeners from DevTools' counters (detached nodes included); IndexedDB from \`navigator.storage.estimate()\`, the records' own bytes (keys and values as JSON) and the profile's LevelDB files. ${s.minutes} min in all, ${s.secondsPerVisit} s per visit${s.phases ? ` (median ms: check-in ${s.phases.checkIn}, open → ready ${s.phases.ready}, first step ${s.phases.firstStep}, walk away → attract loop ${s.phases.walkAwayToReset})` : ''}${s.loadavg ? `; load average ${s.loadavg.start.join(' / ')} at the start, ${s.loadavg.end.join(' / ')} at the end` : ''}.`,
    '',
    '| reading | visits | JS heap MB | compiled code MB | snapshot without code MB | DevTools network log MB | station heap MB | geometries | textures | DOM nodes | JS listeners | IndexedDB KB | records (bytes) | LevelDB .log / .ldb KB | events recorded since last | events stored (server) | outbox pending |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...s.points.map(
      (p) =>
        `| ${p.reading ?? ''} | ${p.visits} | ${p.heapMB} | ${p.codeMB ?? '—'} | ${p.heapWithoutCodeMB ?? '—'} | ${p.devtoolsMB ?? '—'} | ${p.stationHeapMB ?? '—'} | ${p.geometries} | ${p.textures} | ${p.domNodes} | ${p.jsEventListeners} | ${p.indexedDbKB} | ${Object.values(p.indexedDbRecords).reduce((a, b) => a + b, 0)} (${p.indexedDbRecordBytes ?? '—'}) | ${p.indexedDbDisk ? `${p.indexedDbDisk.log} / ${p.indexedDbDisk.ldb}` : '—'} | ${p.eventsRecorded} | ${p.eventsStored} | ${p.outboxPending} |`,
    ),
    '',
    `Verdict: **${v.flat ? 'flat ✅' : 'growing ❌'}** — ${v.stationHeapChangePct !== undefined ? `station heap ${sign(v.stationHeapChangePct)} % (budget ±10 %; compiled code and DevTools' log left out), JS heap with both ${sign(v.heapChangePct)} %` : `heap ${sign(v.heapChangePct)} % (budget ±10 %)`}${v.heapWithoutCodeChangePct !== undefined ? `, without compiled code only ${sign(v.heapWithoutCodeChangePct)} %` : ''}, geometries ${sign(v.geometriesDelta)}, textures ${sign(v.texturesDelta)}, DOM nodes ${sign(v.domNodesDelta)} against the warm reading.`,
    '',
    ...(control ? [jitLine(s, control), ''] : []),
    ...(idb
      ? [
          `IndexedDB on disk: ${idb.beforeClose.total} KB at the end (LevelDB's write-ahead log ${idb.beforeClose.log} KB), ${idb.reopened.total} KB with the profile reopened in a fresh browser (the log is reused, not compacted, on open)${roll ? `; writing and deleting small records in the same origin, the log grew to ${roll.peakLogKB} KB and ${roll.rolledOver ? `was rolled into tables after ${roll.writtenMB} MB written (log ${roll.after.log} KB, tables ${roll.after.ldb} KB)` : `had not rolled over after ${roll.writtenMB} MB`}` : ''}.`,
          '',
        ]
      : []),
  ]
}

const read = <T>(f: string): T | undefined => (existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as T) : undefined)

async function main() {
  // parts, plus options: `--visits N` (soak)
  const args = process.argv.slice(2)
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const only = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))
  const want = (part: string) => only.length === 0 || only.includes(part)
  mkdirSync('bench/results', { recursive: true })

  if (want('bundle')) {
    vite()
    // a subset run (SOPHORA_EXHIBITS=a,b) replaces those exhibits' rows and keeps the others
    const b = mergeBundleReports(read<BundleReport>('bench/results/bundle.json'), bundleReport('dist'), (id) => existsSync(`exhibits/${id}/manifest.json`))
    writeFileSync('bench/results/bundle.json', JSON.stringify(b, null, 2))
    console.log('\nBundle (gzip KB):')
    console.table({
      lobby: kb(b.lobbyFirstLoadGzip),
      stage: kb(b.stageGzip),
      ...Object.fromEntries(Object.entries(b.exhibits).map(([k, v]) => [`exhibit ${k}`, kb(v)])),
    })
    console.log(`emulator in production chunks: ${b.emulatorInProduction.length ? b.emulatorInProduction.join(', ') : 'none'}`)
  }
  if (want('exhibits')) {
    vite('--mode', 'e2e')
    const fresh = await runExhibitBench()
    // A subset run (SOPHORA_EXHIBITS=a,b) replaces those rows and keeps the others.
    const kept = (read<ExhibitBench[]>('bench/results/exhibits.json') ?? []).filter(
      (r) => !fresh.some((f) => f.id === r.id) && existsSync(`exhibits/${r.id}/manifest.json`) && r.frame !== undefined,
    )
    const rows = [...kept, ...fresh].sort((a, b) => a.id.localeCompare(b.id))
    writeFileSync('bench/results/exhibits.json', JSON.stringify(rows, null, 2))
    console.log('\nExhibits:')
    console.table(
      rows.map((r) => ({
        id: r.id,
        calls: r.drawCalls,
        tris: r.triangles,
        geo: r.geometries,
        tex: r.textures,
        maxTex: r.maxTextureSize,
        leftGeo: r.leftAfterCycles.geometries,
        leftTex: r.leftAfterCycles.textures,
        heapBefore: r.heapMB.before,
        heapAfter: r.heapMB.after,
        appCpuUs: r.frame.runs.map((x) => x.appCpuUs).join(' '),
        plainCpuUs: r.frame.runs.map((x) => x.plainCpuUs).join(' '),
        ratio: `${r.frame.ratio} (${r.frame.min}–${r.frame.max})`,
      })),
    )
  }
  if (want('pwa')) {
    if (!want('bundle')) vite()
    const p = await runPwaBench()
    writeFileSync('bench/results/pwa.json', `${JSON.stringify(p, null, 2)}\n`)
    console.log(`\nPrecache ${p.precache.mb} MB in ${p.precache.entries} files; CPU ${p.cpuThrottle}×, median ms:`)
    console.table({ uncached: p.uncached, cached: p.cached })
  }
  if (want('startup')) {
    if (!want('bundle') && !want('pwa')) vite()
    const st = await runStartupBench()
    writeFileSync('bench/results/startup.json', `${JSON.stringify(st, null, 2)}\n`)
    for (const [rate, x] of Object.entries(st.byRate)) {
      console.log(`\nCPU ${rate}×: time to lobby / first step (median ms):`)
      console.table(
        { lobby: x.lobby, ...Object.fromEntries(Object.entries(x.exhibits).map(([id, e]) => [id, { ms: e.firstStep.ms, spread: e.firstStep.spread }])) },
        ['ms', 'spread'],
      )
    }
  }
  // the soak takes ~40 min for 200 visits: only when asked for by name
  if (only.includes('soak')) {
    const { runSoakBench, INTERPRETER_ONLY } = await import('./soak-bench.ts')
    // the e2e suite's build (tests/e2e/e2e-build.ts), reused when nothing changed since
    const { buildE2E, staleBecause } = await import('../tests/e2e/e2e-build.ts')
    if (staleBecause() !== null) await buildE2E()
    const visits = Number(option('visits') ?? 200)
    if (!Number.isInteger(visits) || visits < 1) throw new Error(`--visits: a whole number ≥ 1, not ${option('visits')}`)
    // readings so far, as they come: a run cut short still leaves them
    const onPoint = (points: unknown[]) => writeFileSync('bench/results/soak-partial.json', `${JSON.stringify(points, null, 2)}\n`)
    // `--interpreter`: the control run with V8's compilers off (soak-bench.ts, INTERPRETER_ONLY)
    const interpreter = args.includes('--interpreter')
    const s = await runSoakBench({
      visits,
      every: Math.max(1, Math.min(50, Math.round(visits / 4))),
      onPoint,
      ...(interpreter ? { jsFlags: INTERPRETER_ONLY } : {}),
    })
    writeFileSync(interpreter ? 'bench/results/soak-interpreter.json' : 'bench/results/soak.json', `${JSON.stringify(s, null, 2)}\n`)
    rmSync('bench/results/soak-partial.json', { force: true })
    console.table(s.points)
    console.log(`soak verdict: ${JSON.stringify(s.verdict)}`)
  }
  if (want('server')) {
    const { runServerBench } = await import('./server-bench.ts')
    await runServerBench() // writes bench/results/server.json
  }
  if (want('dashboard')) {
    const { runDashboardBench } = await import('./dashboard-bench.ts')
    await runDashboardBench() // writes bench/results/dashboard.json
  }
  if (want('district')) {
    const { runDistrictBench } = await import('./district-bench.ts')
    await runDistrictBench() // writes bench/results/district.json (needs PostgreSQL)
  }

  // BENCHMARKS.md always shows the latest result of every part that has been run.
  const md: string[] = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (parts: \`npm run bench -- bundle|exhibits|pwa|startup|server|dashboard|district\`; the whole-day soak only by name: \`npm run bench -- soak [--visits N] [--interpreter]\`). Last run ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, 2-core machine without GPU; headless Chromium with SwiftShader, so frame *times* are only meaningful as ratios.`,
    '',
  ]
  const b = read<BundleReport>('bench/results/bundle.json')
  if (b) md.push(...bundleSection(b))
  const rows = read<ExhibitBench[]>('bench/results/exhibits.json')?.filter((r) => r.frame !== undefined)
  if (rows?.length) md.push(...exhibitsSection(rows))
  const pwa = read<PwaBench>('bench/results/pwa.json')
  if (pwa) md.push(...pwaSection(pwa))
  const startup = read<StartupBench>('bench/results/startup.json')
  if (startup) md.push(...startupSection(startup))
  const soak = read<SoakBench>('bench/results/soak.json')
  const control = read<SoakBench>('bench/results/soak-interpreter.json')
  if (soak) md.push(...soakSection(soak, control))
  if (control) md.push(...soakSection(control))
  const srv = read<Record<string, unknown>>('bench/results/server.json')
  if (srv) md.push('## Stats server', '', '```json', JSON.stringify(srv, null, 2), '```', '')
  const dash = read<Record<string, unknown>>('bench/results/dashboard.json')
  if (dash)
    md.push('## Dashboard views (a seeded year of ~1 M events; ms per view, aggregate + suppression)', '', '```json', JSON.stringify(dash, null, 2), '```', '')
  const district = read<Record<string, unknown>>('bench/results/district.json')
  if (district)
    md.push('## District server (PostgreSQL; see bench/district-bench.ts for the method)', '', '```json', JSON.stringify(district, null, 2), '```', '')
  writeFileSync('BENCHMARKS.md', md.join('\n'))
  console.log('\nWrote BENCHMARKS.md and bench/results/')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
