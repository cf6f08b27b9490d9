/**
 * `npm run look`: CI that sees the picture. Every step of every exhibit is drawn as a 320×200
 * thumbnail from the e2e build (seeded Math.random, a frozen loop stepped 1/60 s at a time,
 * SwiftShader), then
 * - compared with its approved picture, exhibits/<id>/look/<nn>-<step>.webp (pixelmatch);
 * - held to absolute floors: luma spread, RMS contrast, colourfulness (metrics.ts);
 * - checked for sight: an ID render counts how much of the step's subjects a child can see,
 *   and how much of that no panel, subtitle band or button covers (visibility.ts).
 * `npm run look -- --approve [id …]` makes the pictures of this run the approved ones.
 * `--twice` draws everything a second time and fails on any byte that differs (determinism).
 * Results, diffs and a contact sheet: test-results/look/. docs/look-check.md explains it all.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listExhibitFolders } from '../../src/build/exhibit-folders.ts'
import { buildE2E, staleBecause } from '../../tests/e2e/e2e-build.ts'
import { launchChromiumContext } from '../../tests/e2e/chromium.ts'
import { capFrameRate, E2E_FRAME_RATE } from '../../tests/e2e/frame-cap.ts'
import { startServer, waitForExhibit } from '../../tests/e2e/harness.ts'
import { contactSheet } from './contact-sheet.ts'
import { belowFloors, measure, type LookMetrics, type Rgba } from './metrics.ts'
import { seedMathRandom } from './page-init.ts'
import { stepPlans, type PlannedStep } from './plans.ts'
import { approve, compare, LOOK_DIR, MATCH, readImage, refName, writeImage } from './references.ts'
import { coversOverCanvas, playStep } from './shoot.ts'
import { best, sight, SIGHT_FLOORS, type SubjectSight } from './visibility.ts'

const OUT = 'test-results/look'
const PAGE = { width: 1024, height: 640 } as const
const INTRO_FRAMES = 300

interface StepResult {
  exhibit: string
  index: number
  step: string
  file: string
  img: Rgba
  metrics: LookMetrics
  sight: SubjectSight[]
  stable: boolean
}

const args = process.argv.slice(2)
const approving = args.includes('--approve')
const twice = args.includes('--twice')
const only = args.filter((a) => !a.startsWith('--'))
const exhibits = listExhibitFolders('exhibits').filter((id) => !only.length || only.includes(id))
const t0 = Date.now()

// CI's npm test has just built dist-e2e: reused while nothing it is made from changed
const why = staleBecause()
if (why) {
  console.log(`look: building dist-e2e (${why})`)
  await buildE2E()
}
rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })

/** Chromium as the e2e tests run it (harness.ts), with the look check's page scripts first. */
async function lookBrowser() {
  const dir = mkdtempSync(join(tmpdir(), 'sophora-look-'))
  const context = await launchChromiumContext(dir, PAGE)
  // tsx (esbuild, keepNames) wraps named functions of page-side code in __name(), which pages lack
  await context.addInitScript('globalThis.__name ??= (f) => f')
  await context.addInitScript(capFrameRate, 1000 / E2E_FRAME_RATE)
  await context.addInitScript(seedMathRandom, 20261130)
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return {
    page,
    errors,
    async close() {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function shootAll(plansReady: Promise<Map<string, PlannedStep[]>>): Promise<StepResult[]> {
  const [server, b] = await Promise.all([startServer(), lookBrowser()])
  const out: StepResult[] = []
  try {
    await b.page.goto(server.url)
    await b.page.waitForSelector('[data-testid="lobby"]')
    // time stands from the stage's first frame: loading may take any number of frames, none moves the scene
    await b.page.waitForFunction(() => window.__sophora?.look)
    await b.page.evaluate(() => window.__sophora!.look.hold())
    const plans = await plansReady
    console.log(`look: ready to draw after ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    let layout: Awaited<ReturnType<typeof coversOverCanvas>> | null = null
    for (const id of exhibits) {
      const steps = plans.get(id)!
      const te = Date.now()
      await b.page.click(`[data-testid="open-${id}"]`)
      await waitForExhibit(b.page)
      layout ??= await coversOverCanvas(b.page)
      // frozen once ready; the intro then runs a fixed 5 s, so whatever the free-running frames of loading left behind has eased away
      await b.page.evaluate((frames) => {
        window.__sophora!.look.freeze()
        window.__sophora!.look.settle(0, frames)
      }, INTRO_FRAMES)
      await b.page.click('[data-testid="run-start"]')
      for (const [i, step] of steps.entries()) {
        const c = await playStep(b.page, i + 1, step, i === steps.length - 1)
        out.push({
          exhibit: id,
          index: i,
          step: step.id,
          file: refName(i, step.id),
          img: c.img,
          metrics: measure(c.img),
          sight: sight(c.all, c.subjects, layout.canvas, layout.covers),
          stable: c.stable,
        })
      }
      await b.page.evaluate(() => window.__sophora!.look.resume())
      await b.page.click('[data-testid="back-to-lobby"]')
      await b.page.waitForSelector('[data-testid="lobby"]')
      console.log(`look: ${id}, ${steps.length} steps, ${((Date.now() - te) / 1000).toFixed(1)} s`)
    }
    if (b.errors.length) throw new Error(`page errors:\n${b.errors.join('\n')}`)
  } finally {
    await b.close()
    await server.stop()
  }
  return out
}

// read while the server and the browser start
const plans = stepPlans(exhibits)
const shots = await shootAll(plans)
const failures: string[] = []
if (twice) {
  const again = await shootAll(plans)
  let same = 0
  for (const [k, s] of shots.entries()) {
    const a = again[k]
    if (a && Buffer.from(a.img.data).equals(Buffer.from(s.img.data))) {
      same++
      continue
    }
    // bytes may differ by a rounding step where a slow easing has not quite arrived; a pixel a person could tell apart may not
    const changed = a ? compare(s.img, a.img).changed : 1
    const note = `${s.exhibit} step ${s.index + 1} "${s.step}": the second drawing differs in bytes, ${(changed * 100).toFixed(3)} % of pixels visibly`
    if (changed > 0) failures.push(`${note} (not deterministic)`)
    else console.log(`look: ${note}`)
  }
  console.log(`look: determinism: ${same} of ${shots.length} pictures identical byte for byte in a second drawing`)
}

const lines: string[] = []
const writes: Promise<void>[] = []
for (const s of shots) {
  const where = `${s.exhibit} step ${s.index + 1} "${s.step}"`
  const dir = join(OUT, s.exhibit)
  mkdirSync(dir, { recursive: true })
  const nowPath = join(dir, s.file.replace(/\.webp$/, '.png'))
  writes.push(writeImage(nowPath, s.img))
  const m = s.metrics
  const top = best(s.sight)
  lines.push(
    `${where}: spread ${m.lumaSpread}, contrast ${m.rmsContrast.toFixed(3)}, colourfulness ${m.colourfulness.toFixed(1)}; ` +
      (top ? `best subject ${top.name}: visible ${(top.visible * 100).toFixed(0)} %, clear of panels ${(top.clear * 100).toFixed(0)} %` : 'no subjects marked'),
  )
  if (!s.stable) failures.push(`${where}: the picture kept changing after the scene settled (something draws from the clock or loads forever)`)
  for (const f of belowFloors(m)) failures.push(`${where}: ${f}`)
  if (top && (top.visible < SIGHT_FLOORS.visible || top.clear < SIGHT_FLOORS.clear))
    failures.push(
      `${where}: the child sees too little of what the step is about (best: ${top.name}, ${(top.visible * 100).toFixed(0)} % visible, ` +
        `${(top.clear * 100).toFixed(0)} % clear of panels; floors ${SIGHT_FLOORS.visible * 100} %)`,
    )
  if (approving) continue
  const ref = join('exhibits', s.exhibit, LOOK_DIR, s.file)
  if (!existsSync(ref)) {
    failures.push(`${where}: no approved picture (${ref}); look at ${nowPath}, then: npm run look -- --approve ${s.exhibit}`)
    continue
  }
  const c = compare(await readImage(ref), s.img)
  if (c.changed > MATCH.maxChanged) {
    const diffPath = join(dir, s.file.replace(/\.webp$/, '.diff.png'))
    writes.push(writeImage(diffPath, c.diff))
    failures.push(
      `${where}: ${(c.changed * 100).toFixed(2)} % of pixels changed (tolerance ${MATCH.maxChanged * 100} %); diff ${diffPath}, now ${nowPath}, approved ${ref}. ` +
        `If the new look is right: npm run look -- --approve ${s.exhibit}`,
    )
  }
}
if (approving)
  for (const id of exhibits)
    await approve(
      join('exhibits', id),
      shots.filter((s) => s.exhibit === id).map((s) => ({ name: s.file, img: s.img })),
    )
await Promise.all(writes)
await contactSheet(
  join(OUT, 'contact-sheet.png'),
  shots.map((s) => ({ label: `${s.exhibit} ${s.index + 1}`, img: s.img })),
)
writeFileSync(join(OUT, 'report.txt'), `${lines.join('\n')}\n${failures.length ? `\nFAILED\n${failures.join('\n')}\n` : ''}`)
console.log(lines.join('\n'))
console.log(
  `look: ${shots.length} steps of ${exhibits.length} exhibits in ${((Date.now() - t0) / 1000).toFixed(1)} s; contact sheet ${join(OUT, 'contact-sheet.png')}`,
)
if (approving) console.log(`look: approved ${shots.length} pictures under exhibits/<id>/${LOOK_DIR}/ (commit them)`)
if (failures.length) {
  console.error(`look: ${failures.length} problem(s):\n${failures.map((f) => `  ${f}`).join('\n')}`)
  process.exitCode = 1
}
