/**
 * "New events were committed here": the ingest path notifies, the forwarders (district,
 * xAPI) listen, so an idle forwarder sends within milliseconds instead of at its next
 * poll. In memory and in this process only, so it is a hint, never the source of truth:
 * the forwarders still read their cursor and the events from the database, and keep a
 * (slower) poll for what this signal does not see (another process writing the file,
 * erasures, a listener added after the notify).
 */
export interface StoredSignal {
  notify(): void
  /** Calls `listener` on every notify until the returned function is called. */
  listen(listener: () => void): () => void
}

export function createStoredSignal(): StoredSignal {
  const listeners = new Set<() => void>()
  return {
    notify() {
      for (const l of listeners) l()
    },
    listen(listener) {
      // A wrapper per call, so listening twice with one function means two listeners, each removed once.
      const entry = () => listener()
      listeners.add(entry)
      return () => {
        listeners.delete(entry)
      }
    },
  }
}
