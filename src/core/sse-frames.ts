/** One server-sent event: its type and its data parsed as JSON (undefined when it is not JSON). */
export interface SseMessage {
  event: string
  data: unknown
}

/**
 * A server-sent-events parser for streams read with fetch (EventSource cannot send an
 * Authorization header). Feed it text chunks as they come; it calls `onMessage` per
 * complete event. Comments (keep-alives) are dropped; `id:` is not needed (the data carries it).
 */
export function createSseParser(onMessage: (m: SseMessage) => void): (chunk: string) => void {
  let buf = ''
  return (chunk) => {
    buf += chunk
    let i: number
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const frame = buf.slice(0, i)
      buf = buf.slice(i + 2)
      let event = ''
      let data = ''
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7)
        else if (line.startsWith('data: ')) data += line.slice(6)
      }
      if (!event) continue
      let json: unknown
      try {
        json = JSON.parse(data)
      } catch {
        json = undefined
      }
      onMessage({ event, data: json })
    }
  }
}
