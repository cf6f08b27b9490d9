/**
 * HTTPS on the LAN in real Chromium: the server makes its CA on first start; Chromium trusts
 * that CA's key only (--ignore-certificate-errors-spki-list, not a blanket ignore) and opens the
 * app from the machine's LAN address (127.0.0.1 where it has none) as a secure context; the
 * certificate page's QR code decodes to the plain-HTTP CA download, which serves the CA to the
 * LAN; and the check-in page's camera scan (getUserMedia, fake camera) checks a passport in.
 */
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import jsQR from 'jsqr'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lanNames, reachableAddresses } from '../../src/server/tls/lan-names.ts'
import { createGuide, freePort, issuePassports, launch, pngPixels, startServer, type Browser, type RunningServer } from './harness.ts'

const GUIDE = { name: 'guide-https', password: 'e2e-https-password-1' }
// The first LAN IPv4 address: a station's view of the server (0.0.0.0 listens on IPv4).
const LAN_IP = reachableAddresses(lanNames()).find((ip) => !ip.includes(':')) ?? null
const HOST = LAN_IP ?? '127.0.0.1'

let server: RunningServer
let browser: Browser
let ca: X509Certificate
let httpPort: number
let httpsPort: number
let base: string
let code: string

/** A Y4M video (Chromium's fake camera format: raw 4:2:0 frames) showing `text` as a black-on-white QR code. */
function qrVideo(text: string): string {
  const [w, h, scale] = [640, 480, 8]
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules
  const y = Buffer.alloc(w * h, 235)
  const [x0, y0] = [(w - size * scale) >> 1, (h - size * scale) >> 1]
  for (let r = 0; r < size * scale; r++)
    for (let c = 0; c < size * scale; c++) if (data[Math.floor(r / scale) * size + Math.floor(c / scale)]) y[(y0 + r) * w + x0 + c] = 16
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma])
  const path = join(mkdtempSync(join(tmpdir(), 'sophora-camera-')), 'card.y4m')
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]))
  return path
}

beforeAll(async () => {
  ;[httpPort, httpsPort] = [await freePort(), await freePort()]
  server = await startServer({ port: httpPort, env: { TLS: 'auto', HOST: '0.0.0.0', HTTPS_PORT: String(httpsPort) } })
  base = `https://${HOST}:${httpsPort}`
  ca = new X509Certificate(readFileSync(join(dirname(server.dbPath), 'tls', 'ca.crt')))
  createGuide(server, GUIDE)
  code = (await issuePassports(server, GUIDE, 1))[0]!
  const spki = createHash('sha256')
    .update(ca.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64')
  browser = await launch({
    args: [
      `--ignore-certificate-errors-spki-list=${spki}`,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${qrVideo(`${base}/passport/${code}`)}`,
    ],
  })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe(`HTTPS on the LAN (${HOST})`, () => {
  it('plain HTTP from the LAN is redirected to HTTPS', async () => {
    if (!LAN_IP) return expect(HOST).toBe('127.0.0.1') // no LAN address here: loopback is served, nothing to redirect
    const r = await fetch(`http://${LAN_IP}:${httpPort}/check-in?x=1`, { redirect: 'manual' })
    expect(r.status).toBe(308)
    expect(r.headers.get('location')).toBe(`${base}/check-in?x=1`)
  })

  it('the certificate page opens over HTTPS as a secure context; its QR code is the CA download, served to the LAN over HTTP', async () => {
    const { page } = browser
    await page.goto(`${base}/admin/certificate`)
    await page.waitForSelector('[data-testid="certificate-page"][data-mode="local-ca"]')
    expect(await page.evaluate(() => [window.isSecureContext, location.protocol])).toEqual([true, 'https:'])
    await page.waitForSelector('[data-testid="secure-status"][data-secure="true"]')
    expect(await page.textContent('[data-testid="ca-sha256"]')).toBe(ca.fingerprint256)

    const qr = page.locator('.cert-qr img.qr')
    await qr.waitFor()
    const { data, width, height } = await pngPixels(page, await qr.screenshot())
    const url = jsQR(data, width, height)?.data
    expect(url).toBe(`http://${HOST}:${httpPort}/api/tls/ca.crt`)
    // As a phone that does not trust the CA yet fetches it: plain HTTP, from the LAN address.
    const r = await fetch(url!)
    expect(r.headers.get('content-type')).toBe('application/x-x509-ca-cert')
    expect(new X509Certificate(Buffer.from(await r.arrayBuffer())).fingerprint256).toBe(ca.fingerprint256)
    await page.screenshot({ path: 'test-results/https-certificate-page.png', fullPage: true })
  })

  it('the check-in page scans a passport card with the camera (getUserMedia over HTTPS)', async () => {
    const { page, context } = browser
    await context.grantPermissions(['camera'], { origin: base })
    await page.goto(`${base}/check-in`)
    await page.click('[data-testid="scan-start"]')
    await page.waitForSelector(`[data-testid="checked-in"][data-code="${code}"][data-confirmed="true"]`, { timeout: 30_000 })
  })
})
