import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { buildAppOver } from '../../src/server/app.ts'
import { createAppContext } from '../../src/server/context.ts'
import type { AppContext } from '../../src/server/context.ts'
import { loadConfig } from '../../src/server/config.ts'
import type { AppConfig } from '../../src/server/config.ts'
import { openDatabase } from '../../src/server/db/database.ts'
import { createUser } from '../../src/server/auth/users.ts'
import type { VisitEvent } from '../../src/core/event-schema.ts'

export const FIXTURE_EXHIBITS = resolve(import.meta.dirname, 'fixtures/exhibits')

export function tempDir(prefix = 'sophora-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function testConfig(dir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({}),
    dbPath: join(dir, 'db', 'sophora.db'),
    staticDir: join(dir, 'no-dist'),
    exhibitsDirs: [FIXTURE_EXHIBITS],
    logLevel: 'silent',
    // Most tests are about what enrolled stations do; pairing tests turn this off.
    openEnroll: true,
    ...overrides,
  }
}

/** A clock the test moves by hand: the server reads no other time. */
export interface TestClock {
  now: () => number
  advance: (ms: number) => void
}

export function testClock(startMs = Date.now()): TestClock {
  let t = startMs
  return {
    now: () => t,
    advance: (ms) => {
      t += ms
    },
  }
}

export interface TestApp {
  app: FastifyInstance
  /** The app's database and data modules, for setup and for checking what was stored. */
  ctx: AppContext
  clock: TestClock
  config: AppConfig
  cleanup: () => Promise<void>
}

export interface TestAppOptions {
  newPassportCode?: () => string
  /** Capture the app's log lines (at this level) instead of silencing them. */
  logTo?: { level: string; lines: string[] }
  /**
   * scrypt's N for the users that tests make (default TEST_PASSWORD_COST). At production's
   * 16384 each hash or verify costs ~36 ms CPU, and logins made up most of the server tests'
   * CPU; 'production' leaves the context's default, for the test that checks it.
   */
  passwordCost?: number | 'production'
}

/** Cheap on purpose: these tests are about who may do what, not about scrypt's strength. */
export const TEST_PASSWORD_COST = 16

/** The app over a temp database, with a hand-moved clock (starting at the real time, so fresh events are not in the future). */
export async function testApp(
  overrides: Partial<AppConfig> = {},
  { newPassportCode, logTo, passwordCost = TEST_PASSWORD_COST }: TestAppOptions = {},
): Promise<TestApp> {
  const t = tempDir()
  const config = testConfig(t.dir, overrides)
  const clock = testClock()
  const ctx = createAppContext(config, {
    now: clock.now,
    ...(newPassportCode ? { newPassportCode } : {}),
    ...(passwordCost === 'production' ? {} : { passwordCost }),
  })
  const logger = logTo
    ? {
        level: logTo.level,
        stream: {
          write: (line: string) => {
            logTo.lines.push(line)
          },
        },
      }
    : false
  const app = await buildAppOver(ctx, { logger })
  return {
    app,
    ctx,
    clock,
    config,
    cleanup: async () => {
      await app.close()
      t.cleanup()
    },
  }
}

export async function registerStation(app: FastifyInstance, body: Record<string, unknown> = {}): Promise<{ stationId: string; token: string }> {
  const stationId = (body.stationId as string | undefined) ?? crypto.randomUUID()
  const res = await app.inject({ method: 'POST', url: '/api/stations', payload: { stationId, name: 'test', ...body } })
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** Creates a user directly in the app's database and logs in through the API. */
export async function loginAs(
  { app, ctx }: Pick<TestApp, 'app' | 'ctx'>,
  name: string,
  role: 'guide' | 'admin' = 'admin',
  password = 'correct-horse',
): Promise<string> {
  await createUser(ctx.db, name, role, password, ctx.now, ctx.passwordCost)
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { token: string }).token
}

export function makeEvent(stationId: string, over: Partial<VisitEvent> & Record<string, unknown> = {}): VisitEvent {
  return {
    id: uuidv7(),
    time: new Date().toISOString(),
    stationId,
    exhibitId: 'fire-escape',
    type: 'exhibit-started',
    data: {},
    ...over,
  } as VisitEvent
}

export function postEvents(app: FastifyInstance, token: string | null, events: unknown[]) {
  return app.inject({
    method: 'POST',
    url: '/api/events',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: { events },
  })
}

export function countEvents({ ctx }: Pick<TestApp, 'ctx'>): number {
  return ctx.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
}

export { openDatabase }

/** Issues a class set through the API as `token` (a guide or admin) and returns its codes. */
export async function issuePassports(app: FastifyInstance, token: string, count = 2, over: Record<string, unknown> = {}): Promise<string[]> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/passports/batches',
    headers: { authorization: `Bearer ${token}` },
    payload: { requestId: crypto.randomUUID(), school: '槐树小学', grade: '四年级', className: '2班', count, ...over },
  })
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { passports: { code: string }[] }).passports.map((p) => p.code)
}
