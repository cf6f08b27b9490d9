import { lazy, Suspense, useEffect, useState } from 'react'
import type { Visit } from '../../core/visit.ts'
import { registry } from '../registry.ts'
import { shellServices, ShellExtras } from '../shell-services.tsx'
import { useLangStore } from '../../i18n/lang-store.ts'
import { DevToolbar } from './dev-toolbar.tsx'
import { PanoramaPicker } from './panorama-picker.tsx'
import { PerfMeter } from './perf-meter.tsx'
import { SafeArea } from './safe-area.tsx'
import './preview.css'

// Same order as the app: the XR polyfill and store exist before the first Canvas.
const ExhibitView = lazy(async () => {
  const m = await (await import('../../features/exhibit-visit/index.ts')).loadExhibitView()
  await m.prepareXR()
  return m
})

type Failure = 'crashed' | 'notFound' | 'loadFailed'

function Problem(props: { id: string; failure: Failure; onRetry(): void }) {
  const { id, failure, onRetry } = props
  const unavailable = registry.unavailable.find((u) => u.folder === id)
  return (
    <div className="dev-problem" role="alert" data-testid="dev-problem" data-failure={failure}>
      {failure === 'notFound' && unavailable && (
        <>
          <h2>exhibits/{id} is not valid yet</h2>
          <ul>
            {unavailable.problems.map((p, i) => (
              <li key={i}>
                {p.file}
                {p.field ? ` "${p.field}"` : ''}: {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {failure === 'notFound' && !unavailable && (
        <>
          <h2>No exhibit "{id}"</h2>
          <p>
            Known:{' '}
            {registry.exhibits.map((e) => (
              <a key={e.id} href={`/dev/exhibits/${e.id}`} style={{ marginRight: 8 }}>
                {e.id}
              </a>
            ))}
          </p>
        </>
      )}
      {failure !== 'notFound' && (
        <>
          <h2>
            exhibits/{id} {failure === 'crashed' ? 'crashed' : 'failed to load'}
          </h2>
          <p>The error and its stack are in the browser console (“[sophora] exhibit … {failure}”). Fix it and save: the dev server reloads.</p>
        </>
      )}
      <button className="dev-btn" onClick={onRetry} style={{ color: '#fff' }}>
        Try again
      </button>
    </div>
  )
}

/**
 * Authoring preview at `/dev/exhibits/<id>` (dev server only, see src/app/main.tsx): one exhibit in
 * the platform's own ExhibitView with the app's services, plus a toolbar (jump to any step or quiz
 * item, restart, language, VR emulation) and a renderer meter with the budgets; for a panorama
 * exhibit, the yaw/pitch under the pointer and click-to-copy hotspot lines.
 */
export default function DevPreview(props: { id: string }) {
  const { id } = props
  const lang = useLangStore((s) => s.lang)
  const setLang = useLangStore((s) => s.setLang)
  const [visit, setVisit] = useState<Visit | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [safeArea, setSafeArea] = useState(true)
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  useEffect(() => {
    document.title = `${id} · preview`
  }, [id])
  const restart = () => {
    setFailure(null)
    setVisit(null)
    setAttempt((a) => a + 1)
  }

  return (
    <div className="shell in-exhibit dev-preview" data-testid="dev-preview">
      <DevToolbar id={id} visit={visit} lang={lang} setLang={setLang} onRestart={restart} safeArea={safeArea} onSafeArea={setSafeArea} />
      <ShellExtras lang={lang} />
      {failure && <Problem id={id} failure={failure} onRetry={restart} />}
      <Suspense
        fallback={
          <div className="loading" role="progressbar" data-testid="loading">
            <p>…</p>
          </div>
        }
      >
        <ExhibitView
          key={attempt}
          id={failure ? null : id}
          lang={lang}
          registry={registry}
          services={shellServices}
          onLobby={() => location.assign('/')}
          onFailure={(kind) => {
            setVisit(null)
            setFailure(kind)
          }}
          onVisit={setVisit}
        />
      </Suspense>
      <PerfMeter />
      {registry.get(id)?.manifest.kind === 'panorama' && <PanoramaPicker />}
      {safeArea && <SafeArea resetKey={`${attempt}:${visit ? 'visit' : 'none'}`} />}
    </div>
  )
}
