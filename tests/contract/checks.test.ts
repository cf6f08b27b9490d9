/** The contract checks themselves: each catches what it should, on small broken folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import type { Manifest } from '../../src/core/manifest-schema.ts'
import { folderImportViolations } from './boundaries.ts'
import {
  assetProblems,
  conventionProblems,
  dataProblems,
  imageSize,
  localeMythProblems,
  narrationProblems,
  referencedAssetProblems,
  sourcesProblems,
} from './checks.ts'

const tmp = mkdtempSync(join(tmpdir(), 'sophora-contract-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
let n = 0
function folder(files: Record<string, string | Buffer>): string {
  const base = join(tmp, `x${n++}`)
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(base, p, '..'), { recursive: true })
    writeFileSync(join(base, p), content)
  }
  mkdirSync(base, { recursive: true })
  return base
}

const manifest = { id: 'x', steps: ['a'], quiz: { items: ['q'], pass: 1 }, narration: ['intro', 'a'] } as unknown as Manifest
const c = (id: string, correct = false) => ({ id, label: `choice.${id}`, correct, feedback: `feedback.${id}` })
const steps: StepDef[] = [{ id: 'a', prompt: 'step.a', cue: 'a', choices: [c('a1', true), c('a2')] }]
const quiz: QuizItem[] = [{ id: 'q', question: 'quiz.q', explanation: 'quiz.q.x', choices: [c('q1', true), c('q2'), c('q3')] }]
const table = Object.fromEntries(
  ['step.a', 'quiz.q', 'quiz.q.x', 'narration.intro', 'narration.a', ...['a1', 'a2', 'q1', 'q2', 'q3'].flatMap((id) => [`choice.${id}`, `feedback.${id}`])].map(
    (k) => [k, 'text'],
  ),
)
const locales = { 'zh-CN': table, en: { ...table } }

describe('contract checks', () => {
  it('accept consistent data', () => {
    expect(dataProblems(manifest, steps, quiz, locales)).toEqual([])
    expect(conventionProblems({ steps }, { quiz })).toEqual([])
  })

  it('name a missing named export', () => {
    expect(conventionProblems({ default: steps }, { quiz })).toEqual(['steps.ts must have a named export `steps` (an array of StepDef)'])
  })

  it('catch order, duplicate ids, correct-choice count, missing keys and cues', () => {
    const bad: StepDef[] = [{ ...steps[0]!, cue: 'nope', choices: [c('a1', true), c('a1', true)] }, { ...steps[0]! }]
    const en = { ...table }
    delete en['feedback.q2']
    const problems = dataProblems(manifest, bad, [{ ...quiz[0]!, choices: [c('q1'), c('q2')] }], { 'zh-CN': table, en })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('steps.ts step ids [a, a] must equal manifest.json "steps" [a]'),
        'steps.ts: step id "a" is used twice',
        'steps.ts step "a": needs exactly one correct choice (has 2)',
        'steps.ts step "a": choice id "a1" is used twice',
        'quiz.ts item "q": needs exactly one correct choice (has 0)',
        'steps.ts step "a": cue "nope" is not listed in manifest.json "narration"',
        'locales/en.json: key "feedback.q2" (quiz.ts item "q", choice "q2" feedback) is missing or empty',
        'locales/en.json: key "feedback.q2" is missing (present in zh-CN.json)',
      ]),
    )
  })

  it('want an mp3 per narration cue and language', () => {
    const base = folder({ 'assets/narration/zh-CN/intro.mp3': 'x', 'assets/narration/zh-CN/a.mp3': 'x', 'assets/narration/en/intro.mp3': 'x' })
    expect(narrationProblems(base, manifest)).toEqual([expect.stringMatching(/^assets\/narration\/en\/: a\.mp3 missing: run npm run gen:audio -- x --no-sfx/)])
  })

  it('limit asset sizes and image dimensions, and find referenced assets', () => {
    const png = (w: number, h: number) => {
      const b = Buffer.alloc(33)
      b.writeUInt32BE(0x89504e47, 0)
      b.writeUInt32BE(0x0d0a1a0a, 4)
      b.writeUInt32BE(13, 8)
      b.write('IHDR', 12, 'ascii')
      b.writeUInt32BE(w, 16)
      b.writeUInt32BE(h, 20)
      return b
    }
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x0c, 0x00, 0x08, 0x00, 3, 0, 0, 0])
    expect(imageSize(png(4096, 16))).toEqual({ width: 4096, height: 16 })
    expect(imageSize(jpeg)).toEqual({ width: 2048, height: 3072 })
    const base = folder({
      'assets/big.bin': Buffer.alloc(1024 * 1024 + 1),
      'assets/wide.png': png(4096, 16),
      'assets/tall.jpg': jpeg,
      'assets/ok.png': png(2048, 2048),
      'scene.tsx': "const u = new URL('./assets/gone.mp3', import.meta.url).href\nconst v = new URL('./assets/ok.png', import.meta.url)",
    })
    expect(assetProblems(base)).toEqual([
      'assets/big.bin is 1024 KB: each asset must be at most 1024 KB (compress it or split it)',
      'assets/tall.jpg is 2048×3072: images must be at most 2048×2048',
      'assets/wide.png is 4096×16: images must be at most 2048×2048',
    ])
    expect(referencedAssetProblems(base)).toEqual(['scene.tsx: "./assets/gone.mp3" does not exist'])
    const many = folder(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`assets/f${i}.bin`, Buffer.alloc(1000 * 1024)])))
    expect(assetProblems(many)).toEqual([expect.stringMatching(/^assets\/ holds 6000 KB in all: at most 5120 KB per exhibit/)])
  })

  it('want sources, and the "triangle of life" only when marked wrong', () => {
    expect(sourcesProblems(folder({}))).toEqual([expect.stringMatching(/^sources\.md is missing/)])
    expect(sourcesProblems(folder({ 'sources.md': '# Sources\n\n| | |\n' }))).toEqual([expect.stringMatching(/almost\) empty/)])
    const body = '# Sources\n\nS1 中国地震局 https://www.cea.gov.cn/ 地震应急避险：伏地、遮挡、手抓牢\n'
    expect(sourcesProblems(folder({ 'sources.md': `${body}The "triangle of life" is discredited.\n“生命三角”是错误的说法。\n` }))).toEqual([])
    expect(sourcesProblems(folder({ 'sources.md': `${body}Find the triangle of life next to furniture.\n` }))).toEqual([
      expect.stringMatching(/^sources\.md line 4 names the "triangle of life"/),
    ])
    expect(localeMythProblems({ 'zh-CN': { k: '躲在生命三角里' } })).toHaveLength(1)
    expect(localeMythProblems({ 'zh-CN': { k: '“生命三角”是错误的' } })).toEqual([])
    // offered as a wrong answer of a question whose right answer is Drop, Cover, Hold On: fine
    const q: QuizItem = { id: 't', question: 'quiz.t', explanation: 'quiz.t.x', choices: [c('t-myth'), c('t-dcho', true)] }
    const ok = { 'quiz.t': 'Is the "triangle of life" safer?', 'choice.t-myth': 'Yes, the triangle of life', 'choice.t-dcho': 'Drop, cover, hold on' }
    expect(localeMythProblems({ en: ok }, [], [q])).toEqual([])
    // ...but never as the right answer
    const bad = { ...ok, 'choice.t-dcho': 'Find the triangle of life' }
    expect(localeMythProblems({ en: bad }, [], [q])).toEqual([
      expect.stringMatching(/"quiz\.t" names the "triangle of life"/),
      expect.stringMatching(/"choice\.t-dcho" names the "triangle of life"/),
    ])
  })

  it('allow only the SDK and 3D/React packages in exhibit code', () => {
    const base = folder({
      'index.ts': "import { defineExhibit } from '@sophora/sdk'\nimport { x } from '../../src/app/app.tsx'\nimport 'zustand'\n",
      'scene/a.tsx': "import * as THREE from 'three'\nimport { useFrame } from '@react-three/fiber'\nimport { b } from '../b.ts'\n",
      'scene/b.tsx': "import { renderScene } from '@sophora/sdk/testing'\n",
      '__tests__/t.test.ts': "import { validateExhibitFiles } from '../../../src/core/validate.ts'\n",
      '__tests__/scene.test.tsx': "import { renderScene } from '@sophora/sdk/testing'\n",
    })
    const v = folderImportViolations(base)
    expect(v).toHaveLength(3)
    expect(v[0]).toMatch(/imports "\.\.\/\.\.\/src\/app\/app\.tsx": outside its own folder/)
    expect(v[1]).toMatch(/imports "zustand": not allowed in exhibit code/)
    expect(v[2]).toMatch(/scene\/b\.tsx imports "@sophora\/sdk\/testing": not allowed in exhibit code/)
  })
})
