/**
 * `npm ci` on Node 20 prints no EBADENGINE warning: every locked package's `engines.node` accepts
 * the Node versions package.json supports (its lowest, 20.19, and this project's reference
 * machine, 20.20.2). A dependency whose new major wants Node 22 fails here, naming it: pin it
 * in package.json `overrides` (as light-my-request and content-disposition are).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// semver is in the lock anyway (npm's own range rules); no @types needed for one function
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean }
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> }
const NODES = ['20.19.0', '20.20.2']

describe('engines', () => {
  it('every locked package accepts Node 20.19 and 20.20', () => {
    const bad = Object.entries(lock.packages).flatMap(([path, p]) => {
      const range = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined
      if (!path || !range) return []
      const refused = NODES.filter((v) => !semver.satisfies(v, range))
      return refused.length ? [`${path.replace(/^.*node_modules\//, '')}@${p.version}: engines.node "${range}" refuses ${refused.join(', ')}`] : []
    })
    expect(bad).toEqual([])
  })

  it('the check itself refuses a Node 22-only range', () => {
    expect(semver.satisfies('20.20.2', '>=22')).toBe(false)
    expect(semver.satisfies('20.20.2', '^20.19.0 || >=22.12.0')).toBe(true)
  })
})
