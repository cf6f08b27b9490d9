import { useEffect, useState } from 'react'
import type { Registry } from '../../core/registry.ts'
import type { SessionSummary } from '../../core/session-summary.ts'
import { useLangStore, useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'
import { fetchCenter, GuideSignIn, guideProblemKey, useGuide } from '../passport/index.ts'
import { loadExhibits, misconceptionText, type MisconceptionText } from './exhibit-texts.ts'
import { fetchSummary } from './reports-api.ts'
import { misconceptionKey, SummarySheet } from './summary-sheet.tsx'
import './reports.css'

type Load =
  { status: 'loading' } | { status: 'error'; key: AppKey; unauthorized: boolean } | { status: 'ready'; summary: SessionSummary; centerName: string | null }

/** The summary, then the misconceptions' words from their exhibits (in the current language). */
function useSummary(sessionId: string, search: string, token: string | undefined): Load {
  // The answer is kept with the request it answers: a new sign-in (token) reads as loading again.
  const request = `${sessionId}\n${search}\n${token ?? ''}`
  const [load, setLoad] = useState<{ request: string; load: Load } | null>(null)
  useEffect(() => {
    if (!token) return
    let live = true
    const answer = (load: Load) => {
      if (live) setLoad({ request, load })
    }
    void Promise.all([fetchSummary(sessionId, search, token), fetchCenter()]).then(([r, c]) => {
      if (r.ok) answer({ status: 'ready', summary: r.data, centerName: c.ok ? c.data.centerName : null })
      else
        answer({
          status: 'error',
          key: r.kind === 'http' && r.status === 404 ? 'guide.batchNotFound' : guideProblemKey(r),
          unauthorized: r.kind === 'http' && r.status === 401,
        })
    })
    return () => {
      live = false
    }
  }, [request, sessionId, search, token])
  return load?.request === request ? load.load : { status: 'loading' }
}

/**
 * End of a class session: the summary on screen, printable on one A4 page for the teacher.
 * The query string says which class and exhibits (see the summary endpoint).
 */
export function SessionSummaryPage(props: { sessionId: string; search: string; registry: Registry }) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const [session, setSession] = useGuide()
  const load = useSummary(props.sessionId, props.search, session?.token)
  const [texts, setTexts] = useState<ReadonlyMap<string, MisconceptionText> | null>(null)
  const misconceptions = load.status === 'ready' ? load.summary.misconceptions : null
  useEffect(() => {
    if (!misconceptions) return
    let live = true
    void loadExhibits(
      props.registry,
      misconceptions.map((m) => m.exhibitId),
    ).then((exhibits) => {
      if (live) setTexts(new Map(misconceptions.map((m) => [misconceptionKey(m), misconceptionText(m, exhibits.get(m.exhibitId) ?? null, lang)])))
    })
    return () => {
      live = false
    }
  }, [misconceptions, props.registry, lang])

  // No session, or the server no longer knows this one (signed out elsewhere): sign in again.
  if (!session || (load.status === 'error' && load.unauthorized))
    return (
      <main className="guide-page">
        <GuideSignIn onSession={setSession} />
      </main>
    )
  // Ready once the words are there too, so a print (or a test) never catches ids instead of text.
  const status = load.status === 'ready' ? (texts ? 'ready' : 'loading') : load.status
  return (
    <main className="guide-page summary-page" data-testid="session-summary" data-status={status}>
      <div className="no-print print-toolbar">
        {load.status === 'loading' && <p>{t('passport.loading')}</p>}
        {load.status === 'error' && <p role="alert">{t(load.key)}</p>}
        {load.status === 'ready' && (
          <button className="btn primary" onClick={() => window.print()} data-testid="summary-print">
            {t('summary.print')}
          </button>
        )}
        <p className="hint">{t('summary.printHint')}</p>
      </div>
      {load.status === 'ready' && load.summary.passports.length === 0 && load.summary.exhibits.every((e) => e.starts === 0) && (
        <p className="no-print">{t('summary.empty')}</p>
      )}
      {load.status === 'ready' && (
        <SummarySheet summary={load.summary} registry={props.registry} lang={lang} centerName={load.centerName} texts={texts ?? new Map()} />
      )}
    </main>
  )
}
