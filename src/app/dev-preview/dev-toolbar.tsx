import { useStore } from 'zustand'
import type { Visit } from '../../core/visit.ts'
import type { Lang } from '../../core/manifest-schema.ts'
import { getXRStore } from '../../scene/xr-store.ts'

const emulating = () => new URLSearchParams(location.search).has('xr-emulate')

/** Reload the preview with or without `?xr-emulate` (the XR store is created once per page). */
function toggleEmulation(): void {
  const q = new URLSearchParams(location.search)
  if (q.has('xr-emulate')) q.delete('xr-emulate')
  else q.set('xr-emulate', '')
  const s = q.toString().replace(/=(&|$)/g, '$1')
  location.assign(`${location.pathname}${s ? `?${s}` : ''}`)
}

function Jumps(props: { visit: Visit }) {
  const { visit } = props
  const s = useStore(visit.run, (x) => x.state)
  const jump = (phase: 'step' | 'quiz', index: number) => visit.run.getState().dispatch({ type: 'jump', phase, index })
  const t = visit.ctx.t
  return (
    <div className="dev-jumps" role="group" aria-label="jump">
      <span className="dev-phase" data-testid="dev-phase">
        {s.phase}
      </span>
      {visit.spec.steps.map((step, i) => (
        <button
          key={step.id}
          className={`dev-btn${s.phase === 'step' && s.stepIndex === i ? ' on' : ''}`}
          data-testid={`dev-jump-step-${i}`}
          title={`step "${step.id}": ${t(step.prompt)}`}
          onClick={() => jump('step', i)}
        >
          S{i + 1} {step.id}
        </button>
      ))}
      {visit.spec.quiz.map((item, i) => (
        <button
          key={item.id}
          className={`dev-btn q${s.phase === 'quiz' && s.quizIndex === i ? ' on' : ''}`}
          data-testid={`dev-jump-quiz-${i}`}
          title={`quiz "${item.id}": ${t(item.question)}`}
          onClick={() => jump('quiz', i)}
        >
          Q{i + 1}
        </button>
      ))}
    </div>
  )
}

/** The preview's toolbar: jumps, restart, language, VR emulation. */
export function DevToolbar(props: {
  id: string
  visit: Visit | null
  lang: Lang
  setLang(l: Lang): void
  onRestart(): void
  safeArea: boolean
  onSafeArea(on: boolean): void
}) {
  const { id, visit, lang, setLang, onRestart } = props
  const session = useStore(getXRStore(), (s) => s.session)
  const emu = emulating()
  return (
    <header className="dev-toolbar" data-testid="dev-toolbar">
      <div className="dev-title">
        <a href="/" title="lobby">
          槐
        </a>
        <code>{id}</code>
        <span className="dev-note">preview (dev only)</span>
      </div>
      {visit ? (
        <Jumps visit={visit} />
      ) : (
        <div className="dev-jumps">
          <span className="dev-phase">loading…</span>
        </div>
      )}
      <div className="dev-tools">
        <button className="dev-btn" data-testid="dev-restart" onClick={onRestart} title="new visit from the intro">
          Restart
        </button>
        <button className="dev-btn" data-testid="dev-lang" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')} title="switch language">
          {lang === 'zh-CN' ? '中文 → EN' : 'EN → 中文'}
        </button>
        <button
          className={`dev-btn${props.safeArea ? ' on' : ''}`}
          data-testid="dev-safe-area-toggle"
          onClick={() => props.onSafeArea(!props.safeArea)}
          title="show where the run panel and subtitles cover the 3D view"
        >
          Safe area {props.safeArea ? 'on' : 'off'}
        </button>
        <button
          className={`dev-btn${emu ? ' on' : ''}`}
          data-testid="dev-xr-emulate"
          onClick={toggleEmulation}
          title="reload with/without the Quest 3 emulator (IWER)"
        >
          VR emulation {emu ? 'on' : 'off'}
        </button>
        {emu &&
          (session ? (
            <button className="dev-btn" data-testid="dev-exit-vr" onClick={() => void session.end()}>
              Exit VR
            </button>
          ) : (
            <button className="dev-btn vr" data-testid="dev-enter-vr" onClick={() => void getXRStore().enterVR()}>
              Enter VR
            </button>
          ))}
      </div>
    </header>
  )
}
