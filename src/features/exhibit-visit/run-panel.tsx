import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import type { Choice } from '../../core/exhibit-kit.ts'
import { currentQuiz, currentStep, feedbackView, isPassed } from '../../core/exhibit-run.ts'
import type { Visit } from '../../core/visit.ts'
import { useLangStore, useT } from '../../i18n/lang-store.ts'
import { formatPassportCode, Seal, useStationPassport } from '../passport/index.ts'

/**
 * The guided flow as a DOM panel over the 3D view (flat mode: mouse, touch, keyboard,
 * screen readers). The same run store drives the 3D panel shown inside VR.
 */
export function RunPanel(props: { visit: Visit; onLobby(): void; onAgain(): void }) {
  const { visit, onLobby, onAgain } = props
  const s = useStore(visit.run, (x) => x.state)
  const dispatch = visit.run.getState().dispatch
  const t = useT()
  const lang = useLangStore((x) => x.lang)
  const et = visit.ctx.t
  const m = visit.ctx.manifest
  const spec = visit.spec
  const passport = useStationPassport((x) => x.code)
  const panel = useRef<HTMLElement>(null)
  const where = `${s.phase}:${s.stepIndex}:${s.quizIndex}`
  const answered = !!s.feedback
  // Keyboard and screen-reader users follow the flow: a new page of the panel puts focus on its
  // heading (read out first, then Tab reaches the choices); an answer puts it on "next", since the
  // chosen button is disabled and would drop focus to the page. On the first render only when
  // focus was lost (the lobby's button that opened the exhibit is gone), never taken from elsewhere.
  const seen = useRef<string | null>(null)
  useEffect(() => {
    const first = seen.current === null
    seen.current = `${where}:${answered}`
    if (first && document.activeElement && document.activeElement !== document.body) return
    const target = panel.current?.querySelector<HTMLElement>(answered ? '[data-testid="run-next"]' : 'h2')
    target?.focus()
  }, [where, answered])

  const choices = (list: Choice[], locked: boolean) => (
    <div className="choices" role="group" aria-labelledby="run-prompt">
      {list.map((c) => {
        const picked = s.feedback?.choiceId === c.id
        const cls = picked ? (s.feedback?.correct ? ' correct' : ' wrong') : ''
        return (
          <button
            key={c.id}
            className={`btn choice${cls}`}
            disabled={locked}
            data-testid={`choice-${c.id}`}
            aria-pressed={picked}
            onClick={() => dispatch({ type: 'choose', choiceId: c.id })}
          >
            {et(c.label)}
          </button>
        )
      })}
    </div>
  )
  // the verdict is the panel's (one wording); the exhibit's texts say why, and a wrong quiz answer names the right one
  const fv = feedbackView(spec, s)
  const feedback = () =>
    fv && (
      <div className={`feedback ${fv.correct ? 'ok' : 'no'}`} role="status" data-testid="feedback">
        <strong>{fv.correct ? t('exhibit.correct') : t('exhibit.wrong')}</strong> <span data-testid="feedback-reason">{et(fv.reason)}</span>
        {fv.rightAnswer && <p data-testid="right-answer">{t('exhibit.rightAnswer', { answer: et(fv.rightAnswer) })}</p>}
        {fv.explanation && <p data-testid="explanation">{et(fv.explanation)}</p>}
        <button className="btn primary" data-testid="run-next" onClick={() => dispatch({ type: 'next' })}>
          {s.phase === 'step' && !fv.correct ? t('exhibit.retry') : t('exhibit.next')}
        </button>
      </div>
    )

  const step = currentStep(spec, s)
  const item = currentQuiz(spec, s)
  return (
    <section ref={panel} className="run-panel" data-testid="run-panel" data-phase={s.phase} aria-label={m.title[lang]}>
      {s.phase === 'intro' && (
        <>
          <h2 tabIndex={-1}>{m.title[lang]}</h2>
          <p>{m.summary[lang]}</p>
          <button className="btn primary big" data-testid="run-start" onClick={() => dispatch({ type: 'start' })}>
            {t('exhibit.start')}
          </button>
        </>
      )}
      {step && (
        <>
          <p className="progress-label">{t('exhibit.step', { n: s.stepIndex + 1, total: spec.steps.length })}</p>
          <h2 id="run-prompt" tabIndex={-1} data-testid="prompt">
            {et(step.prompt)}
          </h2>
          {choices(step.choices, !!s.feedback)}
          {feedback()}
        </>
      )}
      {item && (
        <>
          <p className="progress-label">{t('exhibit.quiz', { n: s.quizIndex + 1, total: spec.quiz.length })}</p>
          <h2 id="run-prompt" tabIndex={-1} data-testid="prompt">
            {et(item.question)}
          </h2>
          {choices(item.choices, !!s.feedback)}
          {feedback()}
        </>
      )}
      {s.phase === 'result' && (
        <div className="result" data-testid="result" data-passed={isPassed(spec, s)}>
          <h2 tabIndex={-1}>{t('exhibit.result.title')}</h2>
          <p>{t('exhibit.result.score', { score: s.score, total: spec.quiz.length })}</p>
          {isPassed(spec, s) ? (
            <div className="passed" data-testid="stamp-awarded" data-passport={passport ?? ''}>
              {/* the seal is pressed onto the page (CSS animation), as onto the paper card */}
              <span className="stamp-press">
                <Seal glyph={m.stamp.glyph} color={m.stamp.color} earned size={88} label={m.stamp.label[lang]} />
              </span>
              <p>{t('exhibit.result.passed')}</p>
              <p className="stamp-owner">{passport ? t('exhibit.result.stampedIn', { code: formatPassportCode(passport) }) : t('exhibit.result.walkIn')}</p>
            </div>
          ) : (
            <p>{t('exhibit.result.failed', { pass: spec.pass })}</p>
          )}
          <div className="choices">
            <button className="btn" data-testid="run-again" onClick={onAgain}>
              {t('exhibit.result.again')}
            </button>
            <button className="btn primary" data-testid="run-lobby" onClick={onLobby}>
              {t('exhibit.result.lobby')}
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
