import { Howl } from 'howler'

/** One loaded (or failed) sound. `ready` settles true once playable, false when it never will be. */
export interface BankEntry {
  readonly howl: Howl
  readonly url: string
  state: 'loading' | 'loaded' | 'failed'
  readonly ready: Promise<boolean>
}

export interface LoadResult {
  /** keys like `narration:intro`, `sfx:alarm` */
  loaded: string[]
  /** keys whose file is missing, undecodable or timed out; they play silently (subtitles still show) */
  failed: string[]
}

export interface SoundBank {
  get(key: string): BankEntry | undefined
  load(urls: ReadonlyMap<string, string>, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<LoadResult>
  /** Unload every Howl this bank created. */
  unloadAll(): void
}

/**
 * Howls keyed by name, created once per URL: loading the same key and URL again reuses the sound,
 * a new URL replaces (and unloads) the old one. Web Audio only: the whole file is decoded up front,
 * which is what makes `duration()` known for subtitle timing and sfx start without delay.
 */
export function createSoundBank(loadTimeoutMs: number): SoundBank {
  const entries = new Map<string, BankEntry>()

  function create(url: string): BankEntry {
    let settle: (ok: boolean) => void = () => {}
    const ready = new Promise<boolean>((resolve) => {
      settle = resolve
    })
    const timer = setTimeout(() => finish(false), loadTimeoutMs)
    const finish = (ok: boolean) => {
      clearTimeout(timer)
      if (entry.state === 'loading') entry.state = ok ? 'loaded' : 'failed'
      settle(entry.state === 'loaded')
    }
    const howl = new Howl({
      src: [url],
      format: ['mp3'],
      html5: false,
      preload: true,
      onload: () => finish(true),
      onloaderror: () => finish(false),
    })
    const entry: BankEntry = { howl, url, state: howl.state() === 'loaded' ? 'loaded' : 'loading', ready }
    if (entry.state === 'loaded') finish(true) // decoded-buffer cache hit: onload may already have run
    return entry
  }

  return {
    get: (key) => entries.get(key),

    async load(urls, onProgress, signal) {
      signal?.throwIfAborted()
      const created: string[] = []
      const jobs = [...urls].map(([key, url]) => {
        let entry = entries.get(key)
        if (!entry || entry.url !== url) {
          entry?.howl.unload()
          entry = create(url)
          entries.set(key, entry)
          created.push(key)
        }
        return entry.ready.then((ok) => ({ key, ok }))
      })
      let done = 0
      onProgress?.(jobs.length === 0 ? 1 : 0)
      const counted = jobs.map((j) =>
        j.then((r) => {
          onProgress?.(++done / jobs.length)
          return r
        }),
      )
      const aborted = new Promise<never>((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
      })
      try {
        const results = await Promise.race([Promise.all(counted), aborted])
        return {
          loaded: results.filter((r) => r.ok).map((r) => r.key),
          failed: results.filter((r) => !r.ok).map((r) => r.key),
        }
      } catch (err) {
        for (const key of created) {
          entries.get(key)?.howl.unload()
          entries.delete(key)
        }
        throw err
      }
    },

    unloadAll() {
      for (const e of entries.values()) e.howl.unload()
      entries.clear()
    },
  }
}
