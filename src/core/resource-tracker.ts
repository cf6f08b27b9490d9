import type { Cleanup } from './exhibit-kit.ts'

/** Collects disposables and cleanups; `disposeAll` runs each once, newest first, never throwing. */
export function createResourceTracker() {
  const items: Cleanup[] = []
  return {
    track<T extends { dispose(): void }>(o: T): T {
      items.push(() => o.dispose())
      return o
    },
    add(c: Cleanup): Cleanup {
      items.push(c)
      return c
    },
    get size() {
      return items.length
    },
    disposeAll(): Error[] {
      const errors: Error[] = []
      while (items.length) {
        try {
          items.pop()!()
        } catch (e) {
          errors.push(e instanceof Error ? e : new Error(String(e)))
        }
      }
      return errors
    },
  }
}
export type ResourceTracker = ReturnType<typeof createResourceTracker>
