import { describe, expect, it } from 'vitest'
import { parseSources, referenceProblem, sourcesContractProblems } from './sources.ts'

const manifest = { steps: ['alarm', 'door'], quiz: { items: ['lift'] }, narration: ['intro', 'alarm', 'door'] }

/** A small valid file; each test breaks one thing in it. */
function doc(over: { source?: string; facts?: string[]; sources?: string[] } = {}): string {
  const sources = over.sources ?? [
    '| S1 | 《火灾逃生》 | 应急管理部 | 2023-05-12 | https://www.mem.gov.cn/kp/zrzh/202305/t20230512_1.shtml |',
    over.source ?? '| S2 | 建筑设计防火规范 | 住房和城乡建设部 | 2018 | GB 50016-2014 |',
  ]
  const facts = over.facts ?? [
    '| Leave at once | step:alarm, narration:alarm | S1 |',
    '| Test the door | step:door, scene | S1, S2 |',
    '| Never the lift | quiz:lift | S2 |',
  ]
  return [
    '# Sources: x',
    'intro',
    '## Sources',
    '| # | Title | Issuer | Date | URL or standard |',
    '|---|---|---|---|---|',
    ...sources,
    '',
    '## Facts → sources',
    '| Fact | Used in | Sources |',
    '|---|---|---|',
    ...facts,
    '',
    '## Where sources differ',
    'none',
  ].join('\n')
}

describe('sources.md contract', () => {
  it('accepts a complete file and reads its rows', () => {
    expect(sourcesContractProblems(doc(), manifest)).toEqual([])
    const d = parseSources(doc())
    expect(d.sources.map((s) => s.id)).toEqual(['S1', 'S2'])
    expect(d.facts[1]).toMatchObject({ usedIn: ['step:door', 'scene'], sources: ['S1', 'S2'] })
  })

  it('rejects a bare homepage, and accepts a page or a standard number', () => {
    expect(referenceProblem('https://www.mem.gov.cn/')).toMatch(/homepage/)
    expect(referenceProblem('https://www.mem.gov.cn')).toMatch(/homepage/)
    expect(referenceProblem('https://www.ready.gov/home-fires')).toBeUndefined()
    expect(referenceProblem('GB/T 19095-2019')).toBeUndefined()
    expect(referenceProblem('see the ministry website')).toMatch(/no URL, standard number or document number/)
    expect(referenceProblem('中国气象局令第16号')).toBeUndefined()
    expect(referenceProblem('建城〔2019〕56号')).toBeUndefined()
    expect(referenceProblem('《上海市生活垃圾管理条例》')).toMatch(/no URL/)
    const p = sourcesContractProblems(doc({ source: '| S2 | 科普 | 应急管理部 | 2020 | https://www.mem.gov.cn/ |' }), manifest)
    expect(p).toEqual([expect.stringMatching(/^line 7 \(source S2\): .*homepage/)])
  })

  it('names the row that lacks a title, an issuer or a dated year', () => {
    expect(sourcesContractProblems(doc({ source: '| S2 |  | 应急管理部 | 2020 | GB 50016-2014 |' }), manifest)).toEqual(['line 7 (source S2): no title'])
    expect(sourcesContractProblems(doc({ source: '| S2 | 规范 | — | 2020 | GB 50016-2014 |' }), manifest)).toEqual(['line 7 (source S2): no issuer'])
    expect(sourcesContractProblems(doc({ source: '| S2 | 规范 | 住建部 | n.d. | GB 50016-2014 |' }), manifest)).toEqual([
      'line 7 (source S2): no date (at least a year)',
    ])
    expect(sourcesContractProblems(doc({ source: '| S2 | 规范 | 住建部 | 2018 |' }), manifest)[0]).toMatch(/has 4 cells, expected 5/)
  })

  it('flags a fact that cites an unknown source or none', () => {
    const p = sourcesContractProblems(
      doc({ facts: ['| Leave at once | step:alarm | S9 |', '| Test the door | step:door | — |', '| Never the lift | quiz:lift | S2 |'] }),
      manifest,
    )
    expect(p).toEqual([expect.stringMatching(/line 12 .*cites S9, which is not in the Sources table/), expect.stringMatching(/line 13 .*cites no source/)])
  })

  it('flags a step or quiz item that no fact backs, and "Used in" entries that are not ids of the manifest', () => {
    const p = sourcesContractProblems(doc({ facts: ['| Leave at once | step:alarm, step:gone, stairs | S1 |'] }), manifest)
    expect(p).toEqual([
      expect.stringMatching(/step:gone is not in manifest.json/),
      expect.stringMatching(/"stairs" must be step:<id>/),
      'step "door" is not backed by any fact row (add step:door to "Used in")',
      'quiz item "lift" is not backed by any fact row (add quiz:lift to "Used in")',
    ])
  })

  it('requires both tables', () => {
    expect(sourcesContractProblems('# Sources\nOnly prose, https://www.mem.gov.cn/\n', manifest)).toEqual(
      expect.arrayContaining(['no "## Sources" section with a table', 'no "## Facts → sources" section with a table']),
    )
  })
})
