// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, registerStation, testApp, type TestApp } from './helpers.ts'
import { SETUP_TOKEN_MS } from '../../src/server/routes/station-setup.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const profile = { name: 'VR-1', kind: 'headset', offered: ['fire-escape'] }

/** A guide (console) and an enrolled station that has reported once (so it belongs to the center). */
async function setup() {
  t = await testApp()
  const guide = await loginAs(t, 'li', 'guide', '1357')
  const station = await registerStation(t.app)
  const state = { showing: null, inRun: false, passport: null, outbox: 0, held: false, waiting: null, cursor: 0 }
  await t.app.inject({ method: 'POST', url: '/api/station/state', headers: auth(station.token), payload: state })
  const mint = async (token = guide) => t!.app.inject({ method: 'POST', url: '/api/console/setup-tokens', headers: auth(token) })
  const spend = (setupToken: string, as = station.token) =>
    t!.app.inject({ method: 'PUT', url: '/api/station/setup-profile', headers: auth(as), payload: { setupToken, profile } })
  return { t, guide, station, mint, spend }
}

describe('the setup QR: a one-time, short-lived setup token', () => {
  it('a guide mints one; the station spends it once to save its own profile', async () => {
    const { t, station, mint, spend } = await setup()
    const minted = await mint()
    expect(minted.statusCode).toBe(201)
    const { token, expiresAt } = minted.json() as { token: string; expiresAt: string }
    expect(Date.parse(expiresAt) - t.clock.now()).toBe(SETUP_TOKEN_MS)
    expect((await spend(token)).statusCode).toBe(204)
    const row = (await t.app.inject({ url: '/api/console/stations', headers: auth((await mint()).json().token as string) })).statusCode
    expect(row).toBe(401) // a setup token is not a console sign-in
    const saved = t.ctx.stationLive.get(station.stationId)
    expect(saved && JSON.parse(saved.offered ?? '[]')).toEqual(['fire-escape'])
    // Used once: the second try is refused and changes nothing.
    const again = await spend(token)
    expect(again.statusCode).toBe(410)
    expect(again.json().error).toBe('setup-token')
  })

  it('expires after ten minutes, and a made-up token is refused', async () => {
    const { t, mint, spend } = await setup()
    const token = (await mint()).json().token as string
    t.clock.advance(SETUP_TOKEN_MS + 1)
    expect((await spend(token)).statusCode).toBe(410)
    expect((await spend('x'.repeat(32))).statusCode).toBe(410)
  })

  it('only guides and admins mint; only a station spends (with its own station token)', async () => {
    const { guide, station, mint, spend } = await setup()
    expect((await mint(station.token)).statusCode).toBe(403)
    expect((await t!.app.inject({ method: 'POST', url: '/api/console/setup-tokens' })).statusCode).toBe(401)
    const token = (await mint()).json().token as string
    expect((await spend(token, guide)).statusCode).toBe(403)
    // …and the guide's refused try did not use it up.
    expect((await spend(token)).statusCode).toBe(204)
  })
})
