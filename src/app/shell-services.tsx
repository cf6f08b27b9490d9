import { Howler } from 'howler'
import { narration as narrationUrls, recordedNarration } from 'virtual:sophora/exhibits'
import {
  AudioControls,
  createAudioEngine,
  createAudioStore,
  SubtitleBar,
  useAudioStore,
  type AudioEngine,
  type NarrationSource,
} from '../features/audio/index.ts'
import type { ExhibitEvent } from '../core/exhibit-kit.ts'
import type { Lang } from '../core/manifest-schema.ts'
import { useEffect } from 'react'
import type { PassportCode } from '../core/passport-code.ts'
import { fetchPassport, fetchPassportStatus, loadGuideSession, stampsOf, useStationPassport, type PassportStatus } from '../features/passport/index.ts'
import { setGuideHold, type ShellServices } from '../features/exhibit-visit/index.ts'
import {
  createOutbox,
  createStationCredentials,
  createSyncClient,
  createVisitRecorder,
  PairingNotice,
  PendingBadge,
  type VisitEventInput,
} from '../features/visits/index.ts'
import { useNoticeStore } from './notice-store.ts'
import { setupStation, stationText, useLiveStation, type NarrationState, type StationRuntime } from '../features/station/index.ts'
import type { PassportCode as Code } from '../core/passport-code.ts'
import { paths } from './routes.ts'
import { kioskText, useIdleCountdown, xrActivity } from '../features/kiosk/index.ts'

const sharedSfx = import.meta.glob('/assets/sfx/*.mp3', { eager: true, query: '?url', import: 'default' }) as Record<string, string>

/** The shell's audio prefs (mute, volume) and current subtitle, persisted on this device. */
export const audioStore = createAudioStore({ storage: typeof localStorage === 'undefined' ? null : localStorage })

let engine: AudioEngine | null = null
/** Narrations not yet ended (the idle reset never fires while one plays). */
const speaking = new Set<Promise<void>>()

const recorded = new Set(recordedNarration)

function narrationFor(exhibitId: string, lang: Lang): Record<string, NarrationSource> {
  const prefix = `/${exhibitId}/assets/narration/${lang}/`
  const out: Record<string, NarrationSource> = {}
  for (const [path, url] of Object.entries(narrationUrls)) {
    const i = path.indexOf(prefix)
    if (i >= 0 && path.startsWith('/') && path.endsWith('.mp3')) out[path.slice(i + prefix.length, -4)] = { url, recorded: recorded.has(path) }
  }
  return out
}

function sfxUrls(extra?: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, url] of Object.entries(sharedSfx))
    out[
      path
        .split('/')
        .pop()!
        .replace(/\.mp3$/, '')
    ] = url
  return { ...out, ...extra }
}

/**
 * Visit recording: every event goes to this station's IndexedDB outbox first and is
 * synced to the stats server (same origin) in the background, surviving reloads and
 * hours offline. Only the pseudonymous passport id identifies the student.
 */
export const outbox = createOutbox()
const station = createStationCredentials()
// Asks for its token (or a pairing code to show a guide) at start, not only once there is a visit to send.
const sync = createSyncClient({ outbox, baseUrl: '', station, enrolAtStart: true })
const recorder = createVisitRecorder({
  outbox,
  stationId: station.stationId,
  // The checked-in student's passport; none for a walk-in visitor.
  getPassportId: () => useStationPassport.getState().code,
  // The class session this station takes part in (the guide console's), if any.
  getSessionId: () => useLiveStation.getState().sessionId,
})

type RecordedListener = (e: { exhibitId: string; type: string; data?: ExhibitEvent['data'] }) => void
const recordedListeners = new Set<RecordedListener>()
/** Observe every event the shell records (live station status; the test bridge). Returns the cleanup. */
export function subscribeRecorded(l: RecordedListener): () => void {
  recordedListeners.add(l)
  return () => {
    recordedListeners.delete(l)
  }
}

export const shellServices: ShellServices = {
  record(exhibitId, e) {
    for (const l of recordedListeners) l({ exhibitId, type: e.type, data: e.data })
    recorder
      .record({ type: e.type, exhibitId, data: e.data ?? {} } as VisitEventInput)
      .catch((err: unknown) => console.error('[sophora] visit event not recorded', err))
  },
  narrate(cue, text) {
    const p = engine?.narrate(cue, text)
    if (!p) return
    speaking.add(p)
    void p.finally(() => speaking.delete(p))
  },
  stopNarration() {
    engine?.stopNarration()
  },
  sfx(name, opts) {
    return engine?.sfx(name, opts) ?? (() => {})
  },
  awardStamp(exhibitId, score) {
    useStationPassport.getState().award(exhibitId, score)
  },
  // The 3D text (three.js, troika) loads with the exhibit, not with the lobby.
  async preloadFont() {
    await (await import('../sdk/text/label-3d.tsx')).preloadLabelFont()
  },
  useSubtitle: () => useAudioStore(audioStore, (s) => s.subtitle?.text ?? null),
  useHoldMessage() {
    const held = useLiveStation((s) => s.held)
    // The idle countdown inside the headset too: the page's overlay is not seen in VR.
    const n = useIdleCountdown((s) => s.remaining)
    if (held) return `${stationText('zh-CN', 'hold.title')}\n${stationText('en', 'hold.title')}`
    return n === null ? null : `${kioskText('zh-CN', 'idle.title')} ${n}\n${kioskText('en', 'idle.title')}`
  },
  // A headset's in-VR keypad asks the server as the flat check-in does (hoisted below).
  confirmPassport: (code) => confirmPassport(code),
  xrActivity,
  /** One engine per visit: narration in the visitor's language plus shared and exhibit sfx. */
  async openAudio(exhibitId, lang, sfx, onProgress, signal) {
    engine?.dispose()
    const e = createAudioEngine({ store: audioStore, lang })
    engine = e
    await e.load(narrationFor(exhibitId, lang), sfxUrls(sfx), onProgress, signal)
    return () => {
      e.dispose()
      if (engine === e) engine = null
    }
  },
}

/** Narration is playing now (its promise has not ended, or its subtitle is still up). */
export const isNarrating = (): boolean => speaking.size > 0 || audioStore.getState().subtitle !== null

/** The idle reset's "audio stops": narration, every sound effect, and a device voice. */
export function stopAllAudio(): void {
  engine?.stopNarration()
  Howler.stop()
  ;(globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis?.cancel()
}

/** While this station waits for a guide's approval: its pairing code, above the page. */
export function StationPairingNotice(props: { lang: Lang }) {
  return <PairingNotice lang={props.lang} sync={sync} />
}

/** Mute/volume in the header; subtitles at the bottom of the page (flat mode). */
export function ShellExtras(props: { lang: Lang }) {
  return (
    <>
      <PendingBadge lang={props.lang} outbox={outbox} />
      <AudioControls lang={props.lang} store={audioStore} />
      <SubtitleBar store={audioStore} className="subtitle-bar" />
    </>
  )
}

/** Once at start: unlock audio on the first tap, start syncing the outbox. */
export function setupShell(): void {
  createAudioEngine({ store: audioStore }).setupUnlock(document)
  sync.start()
}

/**
 * The station's bearer token for passport look-ups: a check-in can come before the station
 * has anything to send, so it asks the sync client, which enrols once for the whole page.
 */
const stationToken = (): Promise<string | null> => sync.token()

/** Check-in's question to the server, asked as this station (or as the signed-in guide). */
export async function confirmPassport(code: PassportCode): Promise<PassportStatus> {
  const token = loadGuideSession()?.token ?? (await stationToken())
  const status = await fetchPassportStatus(code, token)
  if (status === 'unconfirmed' && token && token === station.getToken()) {
    // A token the server forgot (its database was reset) reads as 401: enrol again once.
    station.setToken(null)
    const fresh = await stationToken()
    if (fresh) return fetchPassportStatus(code, fresh)
  }
  return status
}

/**
 * While the lobby shows, bring the checked-in passport's stamps from the server (earned on
 * other stations) and confirm a passport that was checked in offline.
 */
export function useServerStamps(active: boolean): void {
  const code = useStationPassport((s) => s.code)
  useEffect(() => {
    if (!active || !code) return
    let live = true
    void fetchPassport(code).then((r) => {
      if (!live) return
      const st = useStationPassport.getState()
      if (r.ok) {
        if (!st.confirmed && st.code === code) useStationPassport.setState({ confirmed: true })
        st.setServerStamps(code, stampsOf(r.data))
      } else if (r.kind === 'http' && r.status === 404 && !st.confirmed) {
        useNoticeStore.getState().show('checkin.laterUnknown')
      }
    })
    return () => {
      live = false
    }
  }, [active, code])
}

/** This station's id and token, for the station pages (setup, join). */
export const stationAuth = {
  stationId: station.stationId,
  token: stationToken,
}

/**
 * The guide's pause holds every sound: Web Audio is suspended (narration and effects stop
 * where they are and go on from there on resume) and a device voice is paused.
 */
async function holdAudio(on: boolean): Promise<NarrationState> {
  // The open exhibit's onPause/onResume hear the guide's pause too.
  setGuideHold(on)
  const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis
  if (on) synth?.pause()
  else synth?.resume()
  const ctx = (Howler.ctx as AudioContext | null | undefined) ?? null
  if (!ctx) return 'none'
  try {
    await (on ? ctx.suspend() : ctx.resume())
  } catch {
    /* a closed context: nothing plays */
  }
  return ctx.state === 'suspended' ? 'paused' : ctx.state === 'running' ? 'playing' : 'none'
}

let runtime: StationRuntime | null = null
/**
 * Starts this device's part in class sessions (once): the command stream, its state reports.
 * Not on the guide's own tablet (the app does not call it on /guide/ pages).
 */
export function startStationRuntime(go: (path: string) => void): StationRuntime {
  runtime ??= setupStation({
    stationId: station.stationId,
    getToken: stationToken,
    dropToken: () => station.setToken(null),
    go,
    paths: { lobby: paths.lobby, exhibit: paths.exhibit },
    checkIn: (code: Code) => useStationPassport.getState().checkIn(code, true),
    getPassport: () => useStationPassport.getState().code,
    subscribePassport: (l) => useStationPassport.subscribe(l),
    outbox,
    holdAudio,
  })
  return runtime
}
