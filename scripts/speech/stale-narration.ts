/**
 * Narration left behind by renamed or removed cues: entries in assets/narration/manifest.json and
 * mp3 files under assets/narration/<lang>/ for cues that manifest.json `narration` no longer lists.
 * The narration check reports them (`gen:audio --check` fails); a normal `gen:audio` run prunes
 * the synthesised ones and keeps a person's recording (it says to rename or delete it).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { NarrationManifest } from './narration-manifest.ts'

export interface StaleCue {
  lang: string
  cue: string
  /** the narration manifest has an entry for it */
  inManifest: boolean
  /** the entry says a person recorded it */
  recorded: boolean
  /** its mp3, when on disk */
  file: string | null
}

/** Every cue with an entry or an mp3 in `narrDir` that is not in `cues`, sorted by language and cue. */
export function staleNarration(narrDir: string, sidecar: NarrationManifest, cues: readonly string[]): StaleCue[] {
  const wanted = new Set(cues)
  const found = new Map<string, StaleCue>()
  const slot = (lang: string, cue: string) => {
    const key = `${lang}/${cue}`
    let s = found.get(key)
    if (!s) found.set(key, (s = { lang, cue, inManifest: false, recorded: false, file: null }))
    return s
  }
  for (const [lang, entries] of Object.entries(sidecar.cues)) {
    for (const [cue, entry] of Object.entries(entries)) {
      if (wanted.has(cue)) continue
      const s = slot(lang, cue)
      s.inManifest = true
      s.recorded = entry.recorded
    }
  }
  for (const lang of existsSync(narrDir) ? readdirSync(narrDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : []) {
    for (const name of readdirSync(join(narrDir, lang.name))) {
      const cue = name.replace(/\.mp3$/, '')
      if (cue === name || wanted.has(cue)) continue
      slot(lang.name, cue).file = join(narrDir, lang.name, name)
    }
  }
  for (const s of found.values()) if (!s.file && existsSync(join(narrDir, s.lang, `${s.cue}.mp3`))) s.file = join(narrDir, s.lang, `${s.cue}.mp3`)
  return [...found.values()].sort((a, b) => `${a.lang}/${a.cue}`.localeCompare(`${b.lang}/${b.cue}`))
}

/** One line per stale cue, for the narration check. `id` is the exhibit folder name. */
export function describeStale(id: string, stale: StaleCue[]): string[] {
  return stale.map((s) => {
    const what = s.inManifest ? `assets/narration/manifest.json has an entry for "${s.lang}/${s.cue}"` : `assets/narration/${s.lang}/${s.cue}.mp3 exists`
    const fix = s.recorded ? 'a recording: rename its mp3 to the new cue name or delete it' : 'run gen:audio to prune it'
    return `${id}/${what}, but "${s.cue}" is not in manifest.json narration (renamed or removed; ${fix})`
  })
}

/**
 * Removes the synthesised stale cues (entry and mp3) from `sidecar` and disk; a recording is kept.
 * Returns what was pruned and the recordings kept, so the caller can say so.
 */
export function pruneStaleNarration(narrDir: string, sidecar: NarrationManifest, cues: readonly string[]): { pruned: StaleCue[]; kept: StaleCue[] } {
  const pruned: StaleCue[] = []
  const kept: StaleCue[] = []
  for (const s of staleNarration(narrDir, sidecar, cues)) {
    // an mp3 without an entry may be a recording dropped in under a wrong name: never delete it
    if (s.recorded || !s.inManifest) {
      kept.push(s)
      continue
    }
    delete sidecar.cues[s.lang]![s.cue]
    if (s.file) rmSync(s.file)
    pruned.push(s)
  }
  return { pruned, kept }
}
