import { lazy, Suspense, useEffect, useState } from 'react'
import { useLangStore, useT } from '../i18n/lang-store.ts'
import { Lobby } from './lobby.tsx'
import { registry } from './registry.ts'
import { useRouteStore } from './route-store.ts'
import { useNoticeStore } from './notice-store.ts'
import { shellServices, ShellExtras } from './shell-services.tsx'

// three.js, R3F and XR load only when an exhibit opens: the lobby stays small.
const ExhibitView = lazy(async () => {
  const m = await (await import('../features/exhibit-visit/index.ts')).loadExhibitView()
  await m.prepareXR()
  return m
})

function Header() {
  const t = useT()
  const { lang, setLang } = useLangStore()
  return (
    <header className="shell-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden>槐</span>
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <div className="shell-tools">
        <ShellExtras lang={lang} />
        <button className="btn lang" data-testid="lang-switch" aria-label={t('lang.label')}
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('lang.switch')}
        </button>
      </div>
    </header>
  )
}

function Notice() {
  const t = useT()
  const { notice, clear } = useNoticeStore()
  if (!notice) return null
  return (
    <div className="notice" role="alert" data-testid="notice" data-notice={notice}>
      <p>{t(notice)}</p>
      <button className="btn" onClick={clear}>{t('notice.close')}</button>
    </div>
  )
}

export function App() {
  const route = useRouteStore((s) => s.route)
  const go = useRouteStore((s) => s.go)
  const lang = useLangStore((s) => s.lang)
  const show = useNoticeStore((s) => s.show)
  const t = useT()
  // The stage is mounted on the first exhibit visit and then kept (one WebGL context).
  // A latch derived from the route, set during render as React documents for derived state.
  const [stageWanted, setStageWanted] = useState(route.name === 'exhibit')
  if (route.name === 'exhibit' && !stageWanted) setStageWanted(true)
  useEffect(() => { document.documentElement.lang = lang }, [lang])

  const exhibitId = route.name === 'exhibit' ? route.id : null
  return (
    <div className={`shell ${exhibitId ? 'in-exhibit' : 'in-lobby'}`}>
      <Header />
      <Notice />
      {!exhibitId && <Lobby />}
      {stageWanted && (
        <Suspense fallback={<div className="loading" role="progressbar" data-testid="loading"><p>{t('exhibit.loading', { pct: 0 })}</p></div>}>
          <ExhibitView
            id={exhibitId}
            lang={lang}
            registry={registry}
            services={shellServices}
            onLobby={() => go({ name: 'lobby' })}
            onFailure={(kind) => { show(kind === 'crashed' ? 'exhibit.crashed' : kind === 'notFound' ? 'exhibit.notFound' : 'exhibit.loadFailed'); go({ name: 'lobby' }) }}
          />
        </Suspense>
      )}
    </div>
  )
}
