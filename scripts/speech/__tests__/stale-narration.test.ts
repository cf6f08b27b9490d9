/** Renamed or removed narration cues: the check flags what they leave behind, gen:audio prunes it. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ManifestSchema } from '../../../src/core/manifest-schema.ts'
import { sha16, type NarrationEntry, type NarrationManifest } from '../narration-manifest.ts'
import { pruneStaleNarration, staleNarration } from '../stale-narration.ts'
import { verifyNarration } from '../verify-narration.ts'

const root = resolve(import.meta.dirname, '../../..')
const tmp = mkdtempSync(join(tmpdir(), 'sophora-stale-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const mp3 = Buffer.from('stands in for an mp3; only its hash is checked')
const entry = (recorded: boolean): NarrationEntry => ({ textHash: 'x', fileHash: sha16(mp3), recorded, bytes: mp3.length, durationMs: 1000 })

/** fire-escape's manifest and texts; every real cue a recording (exempt from espeak), plus `extra` entries and files. */
function exhibit(name: string, extra: Record<string, NarrationEntry | null>): { dir: string; narr: string; sidecar: NarrationManifest } {
  const dir = join(tmp, name)
  mkdirSync(join(dir, 'assets/narration/zh-CN'), { recursive: true })
  cpSync(join(root, 'exhibits/fire-escape/manifest.json'), join(dir, 'manifest.json'))
  cpSync(join(root, 'exhibits/fire-escape/locales'), join(dir, 'locales'), { recursive: true })
  const cues = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).narration
  const sidecar: NarrationManifest = { version: 1, cues: { 'zh-CN': {}, en: {} } }
  for (const cue of cues) {
    writeFileSync(join(dir, 'assets/narration/zh-CN', `${cue}.mp3`), mp3)
    sidecar.cues['zh-CN']![cue] = entry(true)
  }
  for (const [cue, e] of Object.entries(extra)) {
    writeFileSync(join(dir, 'assets/narration/zh-CN', `${cue}.mp3`), mp3)
    if (e) sidecar.cues['zh-CN']![cue] = e
  }
  const narr = join(dir, 'assets/narration')
  writeFileSync(join(narr, 'manifest.json'), JSON.stringify(sidecar))
  return { dir, narr, sidecar }
}

describe('stale narration', () => {
  it('finds entries and files of cues the manifest no longer lists: synthesised, recorded, and an unlisted mp3', () => {
    const { narr, sidecar } = exhibit('find', { 'old-name': entry(false), 'old-take': entry(true), stray: null })
    const cues = Object.keys(sidecar.cues['zh-CN']!).filter((c) => !['old-name', 'old-take'].includes(c))
    expect(staleNarration(narr, sidecar, cues).map((s) => [s.cue, s.inManifest, s.recorded, s.file !== null])).toEqual([
      ['old-name', true, false, true],
      ['old-take', true, true, true],
      ['stray', false, false, true],
    ])
  })

  it('fails the narration check (gen:audio --check) naming the exhibit, the file and the cue', async () => {
    const { dir } = exhibit('check', { 'old-name': entry(false) })
    const report = await verifyNarration([dir])
    const stale = report.problems.filter((p) => p.includes('old-name'))
    expect(stale).toEqual([
      'check/assets/narration/manifest.json has an entry for "zh-CN/old-name", but "old-name" is not in manifest.json narration (renamed or removed; run gen:audio to prune it)',
    ])
  })

  it('a normal run prunes a synthesised stale cue (entry and mp3) and keeps recordings and unknown files', () => {
    const { narr, sidecar } = exhibit('prune', { 'old-name': entry(false), 'old-take': entry(true), stray: null })
    const cues = Object.keys(sidecar.cues['zh-CN']!).filter((c) => !['old-name', 'old-take'].includes(c))
    const { pruned, kept } = pruneStaleNarration(narr, sidecar, cues)
    expect(pruned.map((s) => s.cue)).toEqual(['old-name'])
    expect(kept.map((s) => s.cue)).toEqual(['old-take', 'stray'])
    expect(sidecar.cues['zh-CN']!['old-name']).toBeUndefined()
    expect(existsSync(join(narr, 'zh-CN/old-name.mp3'))).toBe(false)
    expect(existsSync(join(narr, 'zh-CN/old-take.mp3')) && existsSync(join(narr, 'zh-CN/stray.mp3'))).toBe(true)
    expect(staleNarration(narr, sidecar, cues).map((s) => s.cue)).toEqual(['old-take', 'stray'])
  })
})
