import { useLangStore, useT } from '../i18n/lang-store.ts'
import { PassportBadge } from '../features/passport/index.ts'
import { paths } from './routes.ts'
import { useNoticeStore } from './notice-store.ts'
import { ShellExtras } from './shell-services.tsx'

/** The shell's header: brand (back to the lobby), passport badge, station extras, language switch. */
export function Header(props: { go(path: string): void }) {
  const t = useT()
  const { lang, setLang } = useLangStore()
  const show = useNoticeStore((s) => s.show)
  return (
    <header className="shell-header">
      {/* named by its visible text (WCAG 2.5.3 label in name): a voice user says what they see */}
      <button className="brand btn-plain" onClick={() => props.go(paths.lobby)}>
        <span className="brand-mark" aria-hidden>
          槐
        </span>
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </button>
      <div className="shell-tools">
        <PassportBadge
          onCheckIn={() => props.go(paths.checkIn)}
          onOpen={(code) => props.go(paths.passport(code))}
          onCheckedOut={() => {
            show('checkin.checkedOut')
            props.go(paths.lobby)
          }}
        />
        <ShellExtras lang={lang} />
        <button
          className="btn lang"
          data-testid="lang-switch"
          aria-label={`${t('lang.switch')} (${t('lang.label')})`}
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('lang.switch')}
        </button>
      </div>
    </header>
  )
}

/** The shell's one notice line (check-out, a crashed exhibit…), closed by the visitor. */
export function Notice() {
  const t = useT()
  const { notice, clear } = useNoticeStore()
  if (!notice) return null
  return (
    <div className="notice" role="alert" data-testid="notice" data-notice={notice}>
      <p>{t(notice)}</p>
      <button className="btn" onClick={clear}>
        {t('notice.close')}
      </button>
    </div>
  )
}
