/**
 * The shape every exhibit's sources.md must have, so a content reviewer can open each source
 * and trace each taught fact to it:
 *
 *   ## Sources              | # | Title | Issuer | Date | URL or standard |
 *   ## Facts → sources      | Fact | Used in | Sources |
 *
 * A source row needs a title, an issuer, a date with a year, and a specific URL (a path, not a
 * bare homepage) or a standard number (GB 50016-2014, GB/T 19095-2019, …). A fact row names where
 * it is used (`step:<id>`, `quiz:<id>`, `narration:<cue>`, `scene`) and cites known source ids.
 * Every step and quiz item of the manifest must be covered by at least one fact row.
 */

export interface SourceRow {
  line: number
  id: string
  title: string
  issuer: string
  date: string
  ref: string
}
export interface FactRow {
  line: number
  fact: string
  usedIn: string[]
  sources: string[]
}
export interface SourcesDoc {
  sources: SourceRow[]
  facts: FactRow[]
  problems: string[]
}
export interface ManifestIds {
  steps: readonly string[]
  quiz: { items: readonly string[] }
  narration: readonly string[]
}

const SOURCES_HEADING = /^##\s+Sources\s*$/i
const FACTS_HEADING = /^##\s+Facts\s*(→|->)\s*sources\s*$/i
/** Chinese national/industry standards and the usual international ones, with a number. */
const STANDARD = /\b(?:GB(?:\/[TZ])?|JGJ|JY\/T|MZ\/T|XF|WS|AQ|DB\d{2}(?:\/T)?|ISO(?:\/ASTM)?|ASTM|IEC|EN|NFPA)\s?\d+(?:\.\d+)*(?:-\d{4})?\b/
/**
 * Chinese official documents are found by their document number (文号): 中国气象局令第16号,
 * 建城〔2019〕56号, 环境保护部公告2016年第82号; journal articles by DOI.
 */
const DOCUMENT_NUMBER = /令第\s?\d+\s?号|〔\d{4}〕\s?\d+\s?号|公告\s?\d{4}\s?年第\s?\d+\s?号|\bdoi:\s?10\.\d{4,}\/\S+/i
const URL_RE = /https?:\/\/[^\s|)>\]]+/g
const YEAR = /\b(?:19|20)\d{2}\b/
const USED_IN = /^(?:(?:step|quiz|narration):[a-z0-9]+(?:-[a-z0-9]+)*|scene)$/
const PLACEHOLDER = /^(?:|-|—|…|\.\.\.|tbd|todo|n\/a)$/i

/** Cells of one markdown table row (`| a | b |` → ['a', 'b']); undefined for a separator row. */
function cells(line: string): string[] | undefined {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  const out = inner.split('|').map((c) => c.trim())
  return out.every((c) => /^:?-{3,}:?$/.test(c)) ? undefined : out
}

/** The body rows (header and separator dropped) of the first table under a heading. */
function tableUnder(lines: string[], heading: RegExp): { line: number; cells: string[] }[] | undefined {
  const start = lines.findIndex((l) => heading.test(l.trim()))
  if (start < 0) return undefined
  const rows: { line: number; cells: string[] }[] = []
  let seenTable = false
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!.trim()
    if (/^#{1,2}\s/.test(l)) break
    if (!l.startsWith('|')) {
      if (seenTable && l !== '') break
      continue
    }
    const c = cells(l)
    if (!seenTable) {
      seenTable = true
      continue
    } // the header row
    if (c) rows.push({ line: i + 1, cells: c })
  }
  return rows
}

/** Why a reference cell is not specific enough, or undefined when it is. */
export function referenceProblem(ref: string): string | undefined {
  const urls = ref.match(URL_RE) ?? []
  for (const u of urls) {
    let parsed: URL
    try {
      parsed = new URL(u)
    } catch {
      return `"${u}" is not a valid URL`
    }
    if ((parsed.pathname === '/' || parsed.pathname === '') && !parsed.search) {
      return `"${u}" is a homepage: link the specific page or document`
    }
  }
  if (urls.length === 0 && !STANDARD.test(ref) && !DOCUMENT_NUMBER.test(ref))
    return 'has no URL, standard number or document number (e.g. GB 50016-2014, 建城〔2019〕56号)'
  return undefined
}

export function parseSources(md: string): SourcesDoc {
  const lines = md.split(/\r?\n/)
  const problems: string[] = []
  const sourceRows = tableUnder(lines, SOURCES_HEADING)
  const factRows = tableUnder(lines, FACTS_HEADING)
  if (!sourceRows) problems.push('no "## Sources" section with a table')
  if (!factRows) problems.push('no "## Facts → sources" section with a table')

  const sources: SourceRow[] = []
  for (const { line, cells: c } of sourceRows ?? []) {
    const [id = '', title = '', issuer = '', date = '', ref = ''] = c
    const where = `line ${line} (source ${id || '?'})`
    if (c.length !== 5) {
      problems.push(`${where}: has ${c.length} cells, expected 5 (# | Title | Issuer | Date | URL or standard)`)
      continue
    }
    if (!/^S\d+$/.test(id)) problems.push(`${where}: id must look like S1, S2, …`)
    if (sources.some((s) => s.id === id)) problems.push(`${where}: id ${id} is used twice`)
    if (PLACEHOLDER.test(title)) problems.push(`${where}: no title`)
    if (PLACEHOLDER.test(issuer)) problems.push(`${where}: no issuer`)
    if (!YEAR.test(date)) problems.push(`${where}: no date (at least a year)`)
    const refWhy = referenceProblem(ref)
    if (refWhy) problems.push(`${where}: URL or standard ${refWhy}`)
    sources.push({ line, id, title, issuer, date, ref })
  }

  const facts: FactRow[] = []
  for (const { line, cells: c } of factRows ?? []) {
    const [fact = '', used = '', cited = ''] = c
    if (c.length !== 3) {
      problems.push(`line ${line} (fact): has ${c.length} cells, expected 3 (Fact | Used in | Sources)`)
      continue
    }
    const usedIn = used
      .split(',')
      .map((u) => u.replace(/`/g, '').trim())
      .filter(Boolean)
    facts.push({ line, fact, usedIn, sources: cited.match(/\bS\d+\b/g) ?? [] })
  }
  return { sources, facts, problems }
}

/** Every problem of a sources.md against its manifest, each naming its line. */
export function sourcesContractProblems(md: string, manifest: ManifestIds): string[] {
  const doc = parseSources(md)
  const problems = [...doc.problems]
  const known = new Set(doc.sources.map((s) => s.id))
  const ids: Record<string, Set<string>> = {
    step: new Set(manifest.steps),
    quiz: new Set(manifest.quiz.items),
    narration: new Set(manifest.narration),
  }
  for (const f of doc.facts) {
    const where = `line ${f.line} (fact "${f.fact.slice(0, 40)}")`
    if (PLACEHOLDER.test(f.fact)) problems.push(`${where}: no fact`)
    if (f.usedIn.length === 0) problems.push(`${where}: "Used in" is empty`)
    for (const u of f.usedIn) {
      if (!USED_IN.test(u)) {
        problems.push(`${where}: "Used in" entry "${u}" must be step:<id>, quiz:<id>, narration:<cue> or scene`)
        continue
      }
      const [kind, id] = u.split(':') as [string, string | undefined]
      if (id !== undefined && !ids[kind]!.has(id)) problems.push(`${where}: ${u} is not in manifest.json`)
    }
    if (f.sources.length === 0) problems.push(`${where}: cites no source (S1, S2, …)`)
    for (const s of f.sources) if (!known.has(s)) problems.push(`${where}: cites ${s}, which is not in the Sources table`)
  }
  const used = new Set(doc.facts.flatMap((f) => f.usedIn))
  for (const s of manifest.steps) if (!used.has(`step:${s}`)) problems.push(`step "${s}" is not backed by any fact row (add step:${s} to "Used in")`)
  for (const q of manifest.quiz.items) if (!used.has(`quiz:${q}`)) problems.push(`quiz item "${q}" is not backed by any fact row (add quiz:${q} to "Used in")`)
  return problems
}
