import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The docs name files (`src/core/visit.ts`, [links](audio.md)); when code moves they go
 * stale without anyone noticing. This fails on every named repository path that does not
 * exist and on every link that leaves the repository (a `../shared/...` link works on
 * one machine and nowhere else).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const PREFIXES = ['src', 'tests', 'scripts', 'exhibits', 'bench', 'docs', 'centers']
// A path starts a token (not `/dev/exhibits/…`, not `tests/fixtures/exhibits/…` twice).
const PATH_RE = new RegExp(`(?<![\\w./@-])(?:${PREFIXES.join('|')})/[^\\s'"\`,;()\\[\\]]*`, 'g')
const LISTING_OR_COMMAND = new RegExp(`^\\s*(?:(?:npx|npm|node|tsx)\\s|(?:${PREFIXES.join('|')})/)`)

/** Cut a path at its first placeholder or glob (`exhibits/<id>/…`, `exhibits/*`), keep the real prefix. */
function concretePart(path: string): string {
  const cut = path.search(/[<{*…]|\.\.\./)
  const head = cut < 0 ? path : path.slice(0, cut)
  return head.replace(/[.:!?]+$/, '').replace(/:\d+$/, '')
}

/** Problems of one markdown file: missing named paths and links leaving the repository. */
function docProblems(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  const out: string[] = []
  // In code blocks: listings (a line that starts with a path) and commands; not sample
  // output, which may name a file the reader is yet to write (`centers/town.json: …`).
  const fences = [...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].flatMap((m) => m[1]!.split('\n')).filter((line) => LISTING_OR_COMMAND.test(line))
  const prose = text.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '')
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)
  for (const chunk of [...fences, ...spans]) {
    for (const m of chunk.matchAll(PATH_RE)) {
      const p = concretePart(m[0])
      if (!existsSync(join(root, p))) out.push(`${file}: names \`${m[0]}\`, but ${p} does not exist`)
    }
  }
  for (const m of prose.replace(/`[^`\n]+`/g, '').matchAll(/\]\(([^)\s]+)(?:\s[^)]*)?\)/g)) {
    const target = m[1]!.split('#')[0]!
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue // anchors, https:, mailto:
    const abs = resolve(root, dirname(file), target)
    const rel = relative(root, abs)
    if (rel.startsWith('..')) out.push(`${file}: links ${m[1]} outside the repository`)
    else if (!existsSync(abs)) out.push(`${file}: links ${m[1]}, which does not exist`)
  }
  return out
}

const docFiles = (root: string) => [
  ...['README.md', 'CONTRIBUTING.md'].filter((f) => existsSync(join(root, f))),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
]

describe('paths named in the docs', () => {
  it('README.md, CONTRIBUTING.md and docs/*.md name only paths that exist, and link nowhere outside', () => {
    const files = docFiles(ROOT)
    expect(files).toContain('docs/architecture.md')
    expect(files.flatMap((f) => docProblems(ROOT, f))).toEqual([])
  })

  it('catches a moved file, a missing link and a link out of the repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-paths-'))
    mkdirSync(join(root, 'docs'))
    mkdirSync(join(root, 'src/core'), { recursive: true })
    writeFileSync(join(root, 'src/core/visit.ts'), '')
    writeFileSync(
      join(root, 'docs/a.md'),
      [
        'Fine: `src/core/visit.ts`, `exhibits/<id>/manifest.json` is a pattern only if exhibits/ exists.',
        'Moved: `src/scene/text/index.ts`. Run `npx vitest run tests/gone.test.ts`.',
        '```',
        'src/sdk   the SDK',
        'npx tsx scripts/gone.ts',
        '  - src/yet-to-write.json: sample output',
        '```',
        '[ok](../src/core/visit.ts) [gone](b.md) [out](../../shared/DESIGN.md) [web](https://example.org) [here](#x)',
      ].join('\n'),
    )
    expect(docProblems(root, 'docs/a.md')).toEqual([
      'docs/a.md: names `src/sdk`, but src/sdk does not exist',
      'docs/a.md: names `scripts/gone.ts`, but scripts/gone.ts does not exist',
      'docs/a.md: names `exhibits/<id>/manifest.json`, but exhibits/ does not exist',
      'docs/a.md: names `src/scene/text/index.ts`, but src/scene/text/index.ts does not exist',
      'docs/a.md: names `tests/gone.test.ts`, but tests/gone.test.ts does not exist',
      'docs/a.md: links b.md, which does not exist',
      'docs/a.md: links ../../shared/DESIGN.md outside the repository',
    ])
  })
})
