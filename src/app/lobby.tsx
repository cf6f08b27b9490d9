import { CATEGORIES } from '../core/manifest-schema.ts'
import { useLangStore, useT } from '../i18n/lang-store.ts'
import { formatPassportCode, Seal, useCheckedInStamps, useStationPassport } from '../features/passport/index.ts'
import { registry } from './registry.ts'
import { paths } from './routes.ts'
import { coverOf } from './covers.ts'

/** The lobby: exhibits as cards by category, with the checked-in passport's stamps. */
export function Lobby(props: { go(path: string): void }) {
  const { go } = props
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const code = useStationPassport((s) => s.code)
  const stamps = useCheckedInStamps()
  const all = registry.exhibits
  const earned = all.filter((e) => stamps[e.id]).length

  return (
    <main className="lobby" data-testid="lobby">
      <section className="passport-summary" aria-label={t('lobby.passport')} data-passport={code ?? ''}>
        <h2>{code ? t('lobby.passportOf', { code: formatPassportCode(code) }) : t('lobby.passport')}</h2>
        <p data-testid="stamp-count">{t('lobby.stamps', { n: earned, total: all.length })}</p>
        <div className="passport-seals">
          {all.map((e) => (
            <Seal
              key={e.id}
              glyph={e.manifest.stamp.glyph}
              color={e.manifest.stamp.color}
              earned={!!stamps[e.id]}
              size={40}
              label={e.manifest.stamp.label[lang]}
            />
          ))}
        </div>
        {code ? (
          <button className="btn" onClick={() => go(paths.passport(code))} data-testid="lobby-open-passport">
            {t('checkin.myPassport')}
          </button>
        ) : (
          <div className="lobby-checkin">
            <p data-testid="walk-in">{t('lobby.walkIn')}</p>
            <button className="btn primary" onClick={() => go(paths.checkIn)} data-testid="lobby-check-in">
              {t('checkin.title')}
            </button>
          </div>
        )}
      </section>
      {all.length === 0 && <p className="empty">{t('lobby.empty')}</p>}
      <div className="categories">
        {CATEGORIES.map((cat) => {
          const items = all.filter((e) => e.manifest.category === cat)
          if (!items.length) return null
          return (
            <section key={cat} className="category" aria-labelledby={`cat-${cat}`}>
              <h2 id={`cat-${cat}`}>{t(`category.${cat}`)}</h2>
              <ul className="cards">
                {items.map(({ id, manifest: m }) => (
                  <li key={id} className="card" data-exhibit={id}>
                    {coverOf(id) && <img className="card-cover" src={coverOf(id)!} alt="" loading="lazy" decoding="async" width={320} height={180} />}
                    <Seal
                      glyph={m.stamp.glyph}
                      color={m.stamp.color}
                      earned={!!stamps[id]}
                      label={`${m.stamp.label[lang]} · ${stamps[id] ? t('lobby.stamp.earned') : t('lobby.stamp.missing')}`}
                    />
                    <div className="card-body">
                      <h3>{m.title[lang]}</h3>
                      <p className="summary">{m.summary[lang]}</p>
                      <p className="meta">
                        <span>{t('lobby.ages', { min: m.ages[0], max: m.ages[1] })}</span>
                        <span>{t('lobby.minutes', { n: m.minutes })}</span>
                        <span>
                          {m.stamp.label[lang]} · {stamps[id] ? t('lobby.stamp.earned') : t('lobby.stamp.missing')}
                        </span>
                      </p>
                    </div>
                    <button className="btn primary" onClick={() => go(paths.exhibit(id))} data-testid={`open-${id}`}>
                      {t('lobby.open')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )
        })}
      </div>
      {import.meta.env.DEV && registry.unavailable.length > 0 && (
        <section className="category unavailable">
          <h2>{t('lobby.unavailable')}</h2>
          <ul>
            {registry.unavailable.map((u) => (
              <li key={u.folder}>
                <code>exhibits/{u.folder}</code>: {u.problems.map((p) => `${p.file} ${p.field} ${p.message}`).join('; ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  )
}
