import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'

const MAX_KEYS = 5000

/**
 * A fixed-window, in-memory store for @fastify/rate-limit that reads the app's clock
 * (the built-in LocalStore reads Date.now), so tests can step over a window.
 * Like LocalStore it forgets the oldest keys beyond MAX_KEYS.
 */
export function clockStore(now: () => number): FastifyRateLimitStoreCtor {
  class ClockStore implements FastifyRateLimitStore {
    private readonly windows = new Map<string, { count: number; startMs: number }>()

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const t = now()
      let w = this.windows.get(key)
      if (!w || w.startMs + timeWindow <= t) {
        w = { count: 0, startMs: t }
        this.windows.delete(key)
        this.windows.set(key, w)
        if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value as string)
      }
      w.count++
      callback(null, { current: w.count, ttl: w.startMs + timeWindow - t })
    }

    child(): FastifyRateLimitStore {
      return new ClockStore()
    }
  }
  return ClockStore
}
