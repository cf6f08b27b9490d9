/**
 * Who is listening right now, in memory: stations with an open command stream, and the
 * guide consoles of each session. The database holds everything that must survive a
 * restart (commands, cursors, reported state); this only says "wake up, there is news".
 */
export type Wake = () => void

export function createLiveHub() {
  const stations = new Map<string, Set<Wake>>()
  const watchers = new Set<Wake>()
  const add = <K>(m: Map<K, Set<Wake>>, k: K, w: Wake) => {
    let s = m.get(k)
    if (!s) m.set(k, (s = new Set()))
    s.add(w)
    return () => {
      s.delete(w)
      if (s.size === 0) m.delete(k)
    }
  }
  return {
    /** A station's stream: woken when a command for it was stored. Returns the cleanup. */
    connectStation(stationId: string, wake: Wake): () => void {
      const off = add(stations, stationId, wake)
      this.changed()
      return () => {
        off()
        this.changed()
      }
    },
    isOnline: (stationId: string) => stations.has(stationId),
    onlineCount: () => stations.size,
    wakeStations(ids: Iterable<string>): void {
      for (const id of ids) for (const w of stations.get(id) ?? []) w()
    },
    /** A console (any session): woken on any change; it recomputes its own board. */
    watch(wake: Wake): () => void {
      watchers.add(wake)
      return () => {
        watchers.delete(wake)
      }
    },
    changed(): void {
      for (const w of watchers) w()
    },
  }
}
export type LiveHub = ReturnType<typeof createLiveHub>
