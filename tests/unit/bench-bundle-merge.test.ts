/** `SOPHORA_EXHIBITS=<id> npm run bench -- bundle` keeps the other exhibits' rows of the bundle table. */
import { describe, expect, it } from 'vitest'
import { mergeBundleReports, type BundleReport } from '../../bench/bundle-sizes.ts'

const report = (exhibits: Record<string, number>, lobby = 100): BundleReport => ({
  lobbyFirstLoadGzip: lobby,
  lobbyFiles: ['a.js'],
  stageGzip: 500,
  exhibits,
  emulatorInProduction: [],
})

describe('bundle report of a subset run', () => {
  it('replaces the measured exhibits, keeps the others that still exist, drops removed ones', () => {
    const prev = report({ 'fire-escape': 10, earthquake: 20, 'gone-now': 5 })
    const fresh = report({ earthquake: 25 }, 90)
    const merged = mergeBundleReports(prev, fresh, (id) => id !== 'gone-now')
    expect(merged.exhibits).toEqual({ earthquake: 25, 'fire-escape': 10 })
    expect(Object.keys(merged.exhibits)).toEqual(['earthquake', 'fire-escape'])
    expect(merged.lobbyFirstLoadGzip).toBe(90)
  })

  it('a first run has nothing to keep', () => {
    expect(mergeBundleReports(undefined, report({ earthquake: 25 }), () => true).exhibits).toEqual({ earthquake: 25 })
  })
})
