import { StationCommandSchema, StationHelloSchema, type StationCommand, type StationHello } from '../../core/station-live.ts'
import { createSseParser, type SseMessage } from '../../core/sse-frames.ts'

export type Cleanup = () => void

export interface CommandClientOptions {
  /** The station's bearer token (enrolling first if need be); null: try again later. */
  getToken(): Promise<string | null>
  /** The server forgot the token (401): drop it so the next getToken enrols again. */
  dropToken(): void
  getCursor(): number
  onHello(h: StationHello): void
  onCommand(c: StationCommand): void
  onConnected(connected: boolean): void
  baseUrl?: string
  fetch?: typeof fetch
  random?: () => number
  /** No byte (not even a keep-alive) for this long: the line is dead, reconnect. */
  silenceMs?: number
  retryBaseMs?: number
  retryMaxMs?: number
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
  isOnline?: () => boolean
}

/**
 * The station's command stream: server-sent events read over fetch (EventSource cannot send
 * the Authorization header, and a token in the URL would land in logs), reconnecting with
 * exponential backoff and jitter. The browser's `offline` drops the line at once (Wi-Fi
 * gone) and `online` reconnects at once; a silent line is dropped after `silenceMs`.
 * Every (re)connect asks for the commands after the station's cursor.
 */
export function createCommandClient(o: CommandClientOptions): { start(): Cleanup } {
  const doFetch = o.fetch ?? ((i, init) => globalThis.fetch(i, init))
  const random = o.random ?? Math.random
  const silenceMs = o.silenceMs ?? 40_000
  const baseMs = o.retryBaseMs ?? 500
  const maxMs = o.retryMaxMs ?? 15_000
  const isOnline = o.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine))
  const events = o.events ?? (typeof window === 'undefined' ? undefined : window)
  let stopped = false
  let current: AbortController | null = null
  let wakeUp: (() => void) | null = null
  let failures = 0

  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wakeUp = null
        r()
      }
      wakeUp = done
    })

  async function once(): Promise<void> {
    const token = await o.getToken()
    if (!token) throw new Error('no station token')
    const ctrl = new AbortController()
    current = ctrl
    let silence = setTimeout(() => ctrl.abort(), silenceMs)
    try {
      const res = await doFetch(`${o.baseUrl ?? ''}/api/station/stream?after=${o.getCursor()}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: ctrl.signal,
      })
      if (res.status === 401) o.dropToken()
      if (!res.ok || !res.body) throw new Error(`stream: HTTP ${res.status}`)
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      const push = createSseParser(message)
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        clearTimeout(silence)
        silence = setTimeout(() => ctrl.abort(), silenceMs)
        push(value)
      }
    } finally {
      clearTimeout(silence)
      current = null
    }
  }

  function message({ event, data: json }: SseMessage) {
    if (event === 'hello') {
      const h = StationHelloSchema.safeParse(json)
      if (!h.success) return
      failures = 0
      o.onConnected(true)
      o.onHello(h.data)
    } else if (event === 'command') {
      const c = StationCommandSchema.safeParse(json)
      if (c.success) o.onCommand(c.data)
    }
  }

  async function loop() {
    while (!stopped) {
      if (!isOnline()) {
        await sleep(maxMs)
        continue
      }
      try {
        await once()
      } catch {
        /* dropped, refused or offline: back off below */
      }
      o.onConnected(false)
      if (stopped) return
      failures++
      const cap = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 20))
      await sleep(cap / 2 + random() * (cap / 2))
    }
  }

  return {
    start() {
      const onOffline = () => current?.abort()
      const onOnline = () => {
        failures = 0
        wakeUp?.()
      }
      events?.addEventListener('offline', onOffline)
      events?.addEventListener('online', onOnline)
      void loop()
      return () => {
        stopped = true
        events?.removeEventListener('offline', onOffline)
        events?.removeEventListener('online', onOnline)
        current?.abort()
        wakeUp?.()
      }
    },
  }
}
