import net from 'node:net'

/**
 * A loopback TCP proxy standing for the center's internet link. `cut()` drops every
 * connection and refuses new ones until `restore()`; `dropAnswers` passes requests on
 * but throws the answers to them away (the district stores, the center never hears).
 */
export interface TcpProxy {
  url: string
  targetPort: number
  dropAnswers: boolean
  /** True once a request went out whose answer will be thrown away. */
  readonly dropping: boolean
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let up = true
  let dropping = false
  const track = (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => s.destroy())
  }
  const server = net.createServer((client) => {
    track(client)
    if (!up) return client.destroy()
    const upstream = net.connect(proxy.targetPort, '127.0.0.1')
    track(upstream)
    // A connection that carried request bytes while dropAnswers was on gets no answers:
    // a request sent before it was set is still answered (one request at a time per connection).
    let doomed = false
    client.on('data', (d) => {
      if (proxy.dropAnswers) doomed = dropping = true
      upstream.write(d)
    })
    upstream.on('data', (d) => {
      if (!doomed) client.write(d)
    })
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  const proxy: TcpProxy = {
    url: `http://127.0.0.1:${port}`,
    targetPort,
    dropAnswers: false,
    get dropping() {
      return dropping
    },
    cut() {
      up = false
      for (const s of sockets) s.destroy()
    },
    restore() {
      up = true
      dropping = false
    },
    close() {
      proxy.cut()
      return new Promise((r) => server.close(() => r()))
    },
  }
  return proxy
}
