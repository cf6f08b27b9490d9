/**
 * User management in real Chromium against the real server (one server, one browser): an
 * admin (the first one, made as the CLI does) follows the admin link from the guide area to /admin/users and
 * creates a guide; the guide signs in and is told the page is admin-only; the admin sees
 * their own actions in the access audit. Screenshot kept in test-results/ for looking at.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../src/server/auth/users.ts'
import { openDatabase } from '../../src/server/db/database.ts'
import { launch, startServer, type Browser, type RunningServer } from './harness.ts'

const ADMIN = { name: 'e2e-admin', password: 'e2e-admin-password-1' }
const GUIDE = { name: 'e2e-new-guide', password: '8642' }
const OUT = 'test-results'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  // The first admin, as `npm run admin -- create-user` makes it, in-process (no second tsx start).
  const dbPath = join(mkdtempSync(join(tmpdir(), 'sophora-db-')), 'e2e.db')
  const db = openDatabase(dbPath)
  await createUser(db, ADMIN.name, 'admin', ADMIN.password)
  db.close()
  ;[server, browser] = await Promise.all([startServer({ dbPath }), launch({ width: 1024, height: 768 })])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(who: { name: string; password: string }): Promise<void> {
  const { page } = browser
  await page.fill('[data-testid="guide-name"]', who.name)
  await page.fill('[data-testid="guide-password"]', who.password)
  await page.click('[data-testid="guide-signin-submit"]')
}

describe('/admin/users', () => {
  it('an admin creates a guide; the guide cannot open the page; the audit lists the admin’s actions', async () => {
    const { page } = browser
    await page.goto(`${server.url}/guide/passports`)
    await signIn(ADMIN)
    await page.click('[data-testid="admin-users-link"]')
    await page.waitForSelector('[data-testid="admin-users"][data-status="ready"]')

    await page.fill('[data-testid="new-user-name"]', GUIDE.name)
    await page.fill('[data-testid="new-user-password"]', GUIDE.password)
    await page.click('[data-testid="new-user-submit"]')
    await page.waitForSelector(`[data-testid="user-row"][data-name="${GUIDE.name}"][data-role="guide"]`)
    await page.waitForSelector(`[data-testid="audit-entry"][data-action="user-create"][data-user="${ADMIN.name}"]`)
    await page.screenshot({ path: join(OUT, 'admin-users.png'), fullPage: true })

    // The last admin cannot demote themselves: the reason is shown, nothing changes.
    await page.click(`[data-testid="user-row"][data-name="${ADMIN.name}"] [data-testid="user-role"]`)
    await page.locator('[data-testid="admin-message"][role="alert"]', { hasText: '这是最后一个能登录的管理员' }).waitFor()
    expect(await page.locator(`[data-testid="user-row"][data-name="${ADMIN.name}"]`).getAttribute('data-role')).toBe('admin')

    // The guide, in a fresh tab session.
    await page.evaluate(() => sessionStorage.clear())
    await page.goto(`${server.url}/admin/users`)
    await signIn(GUIDE)
    await expect(page.locator('[data-testid="admin-only"]').textContent()).resolves.toBe('这一页只有管理员能打开。请用管理员账号登录，或请管理员帮忙。')
    const asGuide = await page.evaluate(async () => {
      const token = (JSON.parse(sessionStorage.getItem('sophora.guide') ?? '{}') as { token?: string }).token
      return (await fetch('/api/admin/audit', { headers: { authorization: `Bearer ${token}` } })).status
    })
    expect(asGuide).toBe(403)
    expect(browser.errors).toEqual([])
  })
})
