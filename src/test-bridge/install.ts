import type { RecordedEvent, SophoraTestBridge } from './bridge.ts'
import { createFrameHold } from './frame-hold.ts'
import { createSceneHooks } from './scene-hooks.ts'

/** What the shell lends the bridge (passed in, so the bridge does not import the app). */
export interface ShellHandles {
  audio: SophoraTestBridge['audio']
  outbox: SophoraTestBridge['outbox']
  subscribeRecorded(listener: (e: RecordedEvent) => void): () => void
}

/** Test builds only (see bridge.ts): installs `window.__sophora`. */
export function installTestBridge({ audio: audioStore, outbox, subscribeRecorded }: ShellHandles): void {
  const events: RecordedEvent[] = []
  subscribeRecorded((e) => events.push(e))
  const bridge: SophoraTestBridge = {
    ...createSceneHooks(),
    ...createFrameHold(),
    events,
    audio: audioStore,
    outbox,
    throwOutside(kind) {
      // Deferred so the error reaches the window handlers as an uncaught one, from shell code.
      if (kind === 'error')
        setTimeout(() => {
          throw new Error('test bridge: shell error outside the exhibit')
        })
      else void Promise.reject(new Error('test bridge: shell rejection outside the exhibit'))
    },
  }
  window.__sophora = bridge
}
