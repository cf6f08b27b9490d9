import { createContext, useContext } from 'react'
import type { AudioStore } from './audio-store.ts'

/**
 * The app's audio store for the audio components. The shell provides it once:
 * `<AudioStoreContext value={store}>…</AudioStoreContext>`.
 */
export const AudioStoreContext = createContext<AudioStore | null>(null)

/** The store passed as a prop, else the provided one; a missing provider is a wiring bug, so it throws. */
export function useAudioStoreApi(override?: AudioStore): AudioStore {
  const provided = useContext(AudioStoreContext)
  const store = override ?? provided
  if (!store) throw new Error('Audio components need a store: wrap them in <AudioStoreContext value={store}> or pass `store`.')
  return store
}
