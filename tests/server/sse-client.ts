import { get, type IncomingMessage } from 'node:http'

/**
 * A minimal server-sent-events reader for tests and the bench, over node:http without an
 * agent (undici's fetch keeps an aborted stream's socket for its keep-alive, which makes
 * the server's graceful close wait ~4 s).
 */
export interface SseMessage {
  event: string
  id: number | undefined
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any
}

export async function openStream(url: string, token: string) {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    get(url, { headers: { authorization: `Bearer ${token}` }, agent: false }, resolve).on('error', reject)
  })
  if (res.statusCode !== 200) throw new Error(`stream ${url}: HTTP ${res.statusCode}`)
  res.setEncoding('utf8')
  const got: SseMessage[] = []
  let taken = 0
  let buf = ''
  let waiter: (() => void) | null = null
  res.on('error', () => {})
  res.on('data', (value: string) => {
    buf += value
    let i: number
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const frame = buf.slice(0, i)
      buf = buf.slice(i + 2)
      const m: Partial<SseMessage> = {}
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) m.event = line.slice(7)
        else if (line.startsWith('id: ')) m.id = Number(line.slice(4))
        else if (line.startsWith('data: ')) m.data = JSON.parse(line.slice(6))
      }
      if (m.event) got.push(m as SseMessage)
      waiter?.()
    }
  })
  return {
    /** The next message not yet taken, which must be of this event type. */
    async next(event: string, timeoutMs = 5000): Promise<SseMessage> {
      const deadline = Date.now() + timeoutMs
      while (got.length <= taken) {
        if (Date.now() > deadline) throw new Error(`no ${event} message within ${timeoutMs} ms`)
        await new Promise<void>((r) => {
          waiter = r
          setTimeout(r, 50)
        })
      }
      const m = got[taken++]!
      if (m.event !== event) throw new Error(`expected ${event}, got ${m.event}: ${JSON.stringify(m.data)}`)
      return m
    },
    seen: (event: string) => got.filter((m) => m.event === event),
    close: () => res.destroy(),
  }
}
