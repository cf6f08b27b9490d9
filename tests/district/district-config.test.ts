// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/server/config.ts'
import { loadDistrictConfig } from '../../src/server/district/config.ts'

const link = { DISTRICT_URL: 'https://district.example.cn/', DISTRICT_CENTER_ID: 'jinjiang-1', DISTRICT_SECRET: 'sdc_x' }
const problems = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n')
    throw e
  }
  throw new Error('expected a ConfigError')
}

describe('center → district link configuration', () => {
  it('is off without DISTRICT_URL, so a plain center needs nothing of it', () => {
    expect(loadConfig({}).district).toBeNull()
  })

  it('takes the URL without its trailing slash and the defaults', () => {
    expect(loadConfig(link).district).toMatchObject({ url: 'https://district.example.cn', centerId: 'jinjiang-1', batchSize: 500, gatherMs: 100, caFile: null })
  })

  it('names what is missing or unsafe', () => {
    expect(problems(() => loadConfig({ DISTRICT_URL: link.DISTRICT_URL }))).toMatch(/DISTRICT_CENTER_ID and DISTRICT_SECRET/)
    expect(problems(() => loadConfig({ DISTRICT_SECRET: 'sdc_x' }))).toMatch(/^DISTRICT_SECRET: set, but DISTRICT_URL is not/)
    expect(problems(() => loadConfig({ ...link, DISTRICT_URL: 'http://district.example.cn' }))).toMatch(/must be https/)
    expect(loadConfig({ ...link, DISTRICT_URL: 'http://127.0.0.1:8090' }).district?.url).toBe('http://127.0.0.1:8090')
  })
})

describe('district server configuration', () => {
  it('needs a postgres:// DATABASE_URL and never echoes it', () => {
    const secretUrl = 'mysql://sophora:hunter2@db/sophora'
    const msg = problems(() => loadDistrictConfig({ DATABASE_URL: secretUrl }))
    expect(msg).toMatch(/^DATABASE_URL: must be a postgres:\/\/ connection URL/)
    expect(msg).not.toContain('hunter2')
    expect(loadDistrictConfig({ DATABASE_URL: 'postgres://sophora@/sophora?host=/var/run/postgresql' })).toMatchObject({ port: 8090, tls: null })
  })
})
