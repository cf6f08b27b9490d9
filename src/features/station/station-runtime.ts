import type { PassportCode } from '../../core/passport-code.ts'
import type { Command, StationCommand, StationState } from '../../core/station-live.ts'
import type { Visit } from '../../core/visit.ts'
import { createCommandClient, type Cleanup } from './command-client.ts'
import { useLiveStation, type NarrationState } from './live-store.ts'
import { mayActNow, type Whereabouts } from './safe-points.ts'

export interface StationDeps {
  stationId: string
  getToken(): Promise<string | null>
  dropToken(): void
  go(path: string): void
  paths: { lobby: string; exhibit(id: string): string }
  checkIn(code: PassportCode): void
  getPassport(): string | null
  subscribePassport(listener: () => void): Cleanup
  outbox: { getPendingCount(): number; subscribe(listener: (n: number) => void): Cleanup }
  /** Pause (true) or resume the station's sound; says what happened to narration. */
  holdAudio(on: boolean): Promise<NarrationState>
  fetch?: typeof fetch
}

export interface StationRuntime {
  /** The exhibit page open now (from the route) and its visit once ready (ExhibitView's onVisit). */
  observe(exhibitId: string | null, visit: Visit | null): void
  stop: Cleanup
}

const REPORT_EVERY_MS = 10_000
const REPORT_DEBOUNCE_MS = 250

/**
 * A station in a class session: listens for the guide's commands, carries them out by the
 * safe-point rule (safe-points.ts), and reports what it shows, who is checked in, how many
 * events wait in its outbox and whether it is paused — on change, every 10 s, and on each
 * reconnect, so the console is never more than a heartbeat out of date.
 */
export function setupStation(d: StationDeps): StationRuntime {
  const doFetch = d.fetch ?? ((i, init) => globalThis.fetch(i, init))
  const where: Whereabouts = { exhibitId: null, phase: null, answered: false }
  let unwatchRun: Cleanup | null = null
  const store = useLiveStation

  let reportTimer: ReturnType<typeof setTimeout> | null = null
  const stateNow = (): StationState => {
    const s = store.getState()
    return {
      showing: where.exhibitId,
      inRun: where.phase === 'step' || where.phase === 'quiz',
      passport: d.getPassport() as StationState['passport'],
      outbox: d.outbox.getPendingCount(),
      held: s.held,
      waiting: s.waiting?.command.type ?? null,
      cursor: s.cursor,
    }
  }
  async function report() {
    const token = await d.getToken()
    if (!token) return
    await doFetch('/api/station/state', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(stateNow()),
    }).catch(() => null)
  }
  const reportSoon = () => {
    reportTimer ??= setTimeout(() => {
      reportTimer = null
      void report()
    }, REPORT_DEBOUNCE_MS)
  }

  async function hold(on: boolean) {
    store.setState({ held: on })
    const narration = await d.holdAudio(on)
    store.setState({ narration })
  }

  function act(c: Command) {
    switch (c.type) {
      case 'launch': {
        const offered = store.getState().profile?.offered ?? []
        if (offered.length === 0 || offered.includes(c.exhibitId)) d.go(d.paths.exhibit(c.exhibitId))
        break
      }
      case 'lobby':
        d.go(d.paths.lobby)
        break
      case 'check-in':
        d.checkIn(c.passport as PassportCode)
        break
      case 'pause':
        void hold(true)
        break
      case 'resume':
        void hold(false)
        break
      case 'join':
        store.setState({ sessionId: c.sessionId, ended: false })
        break
      case 'session-ended':
        store.setState({ sessionId: null, waiting: null, ended: true })
        if (store.getState().held) void hold(false)
        break
    }
  }

  function onCommand(sc: StationCommand) {
    const s = store.getState()
    if (sc.seq <= s.cursor) return
    // Another session's command (the station moved on) is stale; joining is always news.
    const stale = sc.command.type !== 'join' && s.sessionId !== null && sc.sessionId !== s.sessionId
    store.setState({ cursor: sc.seq, last: { seq: sc.seq, type: sc.command.type } })
    if (!stale) {
      if (mayActNow(sc.command, where)) act(sc.command)
      else store.setState({ waiting: { seq: sc.seq, command: sc.command } })
    }
    reportSoon()
  }

  /** A waiting command acts as soon as the student reaches a point where it may. */
  function recheck() {
    const w = store.getState().waiting
    if (w && mayActNow(w.command, where)) {
      store.setState({ waiting: null })
      act(w.command)
    }
    reportSoon()
  }

  const client = createCommandClient({
    getToken: d.getToken,
    dropToken: d.dropToken,
    getCursor: () => store.getState().cursor,
    onHello(h) {
      store.setState({ profile: h.profile, sessionId: h.sessionId ?? store.getState().sessionId })
      // The server restarted with a fresh database: it holds no cursor as high as ours.
      void report()
    },
    onCommand,
    onConnected: (connected) => store.setState({ connected }),
    ...(d.fetch ? { fetch: d.fetch } : {}),
  })
  const stops: Cleanup[] = [client.start(), d.subscribePassport(reportSoon), d.outbox.subscribe(reportSoon)]
  const beat = setInterval(() => void report(), REPORT_EVERY_MS)
  // A reload while paused: the pause stands (persisted), so the sound stays held too.
  if (store.getState().held) void hold(true)

  return {
    observe(exhibitId, visit) {
      unwatchRun?.()
      unwatchRun = null
      where.exhibitId = exhibitId
      where.phase = null
      where.answered = false
      if (visit) {
        const read = () => {
          const r = visit.run.getState().state
          where.phase = r.phase
          where.answered = r.feedback !== null
          recheck()
        }
        unwatchRun = visit.run.subscribe(read)
        read()
      } else recheck()
    },
    stop() {
      clearInterval(beat)
      if (reportTimer) clearTimeout(reportTimer)
      unwatchRun?.()
      for (const s of stops) s()
    },
  }
}
