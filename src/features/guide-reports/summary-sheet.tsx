import type { Lang } from '../../core/manifest-schema.ts'
import { formatPassportCode } from '../../core/passport-code.ts'
import type { Registry } from '../../core/registry.ts'
import type { SessionSummary, SummaryPassport } from '../../core/session-summary.ts'
import { useT } from '../../i18n/lang-store.ts'
import type { MisconceptionText } from './exhibit-texts.ts'

/** Past this many passports the grid runs in two columns side by side, so a class of 40–60 fits one A4 page. */
const ONE_COLUMN_MAX = 20
/** Past this many exhibits a cell shows only its mark (★ ✓), so two grids still fit the page's width. */
const SCORES_MAX_EXHIBITS = 5

export const misconceptionKey = (m: { exhibitId: string; kind: string; itemId: string }) => `${m.exhibitId}/${m.kind}/${m.itemId}`

function Cell(props: { p: SummaryPassport; exhibitId: string; withScore: boolean }) {
  const score = props.p.scores[props.exhibitId]
  const stamped = props.p.stamps.includes(props.exhibitId)
  const mark = stamped ? '★' : score ? '✓' : ''
  return (
    <td className={stamped ? 'cell-stamp' : score ? 'cell-done' : 'cell-none'} data-exhibit={props.exhibitId} data-mark={mark}>
      {mark}
      {score && props.withScore && <small>{` ${score.score}/${score.maxScore}`}</small>}
    </td>
  )
}

function PassportGrid(props: { passports: SummaryPassport[]; exhibitIds: string[] }) {
  const t = useT()
  return (
    <table className="summary-grid">
      <thead>
        <tr>
          <th>{t('summary.codeCol')}</th>
          {props.exhibitIds.map((id, i) => (
            <th key={id}>{i + 1}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.passports.map((p) => (
          <tr key={p.code} data-testid="summary-passport" data-code={p.code} data-stamps={p.stamps.join(',')}>
            <th className="code">{formatPassportCode(p.code)}</th>
            {props.exhibitIds.map((id) => (
              <Cell key={id} p={p} exhibitId={id} withScore={props.exhibitIds.length <= SCORES_MAX_EXHIBITS} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The teacher's one-page summary: exhibits (numbered, so the passport grid's columns stay
 * narrow), the class's top misconceptions in words, what was not visited, and each passport
 * code's stamps and scores. Codes only: names are on the paper cards.
 */
export function SummarySheet(props: {
  summary: SessionSummary
  registry: Registry
  lang: Lang
  centerName: string | null
  texts: ReadonlyMap<string, MisconceptionText>
}) {
  const t = useT()
  const { summary: s, registry, lang } = props
  const title = (id: string) => registry.get(id)?.manifest.title[lang] ?? id
  const exhibitIds = s.exhibits.map((e) => e.exhibitId)
  const stamps = s.passports.reduce((n, p) => n + p.stamps.length, 0)
  const minutes = (ms: number | null) => (ms === null ? '–' : t('summary.duration', { m: Math.floor(ms / 60_000), s: Math.round((ms % 60_000) / 1000) }))
  const half = s.passports.length > ONE_COLUMN_MAX ? Math.ceil(s.passports.length / 2) : s.passports.length
  const columns = [s.passports.slice(0, half), s.passports.slice(half)].filter((c) => c.length)
  const day = s.firstEventAt ? new Date(s.firstEventAt).toLocaleDateString(lang) : null
  return (
    <article className="summary-sheet" data-testid="summary-sheet">
      <header className="summary-head">
        <h2>
          {props.centerName && <span>{props.centerName} · </span>}
          {t('summary.title')}
        </h2>
        <p>
          {[
            s.labels && <strong key="class">{t('summary.class', s.labels)}</strong>,
            day && t('summary.date', { date: day }),
            t('summary.overview', { passports: s.passports.length, stamps }),
          ]
            .filter(Boolean)
            .flatMap((part, i) => (i ? [' · ', part] : [part]))}
        </p>
      </header>

      <section>
        <h3>{t('summary.exhibits')}</h3>
        <table className="summary-exhibits">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('summary.col.exhibit')}</th>
              <th>{t('summary.col.finished')}</th>
              <th>{t('summary.col.stamps')}</th>
              <th>{t('summary.col.score')}</th>
              <th>{t('summary.col.time')}</th>
            </tr>
          </thead>
          <tbody>
            {s.exhibits.map((e, i) => (
              <tr key={e.exhibitId} data-testid="summary-exhibit" data-exhibit={e.exhibitId} data-average={e.averageScore ?? ''}>
                <td>{i + 1}</td>
                <td>
                  {title(e.exhibitId)}
                  {!e.planned && <small> {t('summary.notPlanned')}</small>}
                </td>
                <td>{e.finishers}</td>
                <td>{e.stamps}</td>
                <td>{e.averageScore === null ? '–' : `${e.averageScore} / ${e.maxScore ?? '?'}`}</td>
                <td>{minutes(e.medianDurationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h3>{t('summary.misconceptions')}</h3>
        {s.misconceptions.length === 0 && <p>{t('summary.noMisconceptions')}</p>}
        <ol className="summary-misconceptions">
          {s.misconceptions.map((m) => {
            const words = props.texts.get(misconceptionKey(m))
            return (
              <li key={misconceptionKey(m)} data-testid="summary-misconception" data-item={m.itemId} data-choice={m.choiceId}>
                <span className="tag">
                  {title(m.exhibitId)} · {t(m.kind === 'quiz' ? 'summary.quiz' : 'summary.step')}
                </span>{' '}
                <strong>{words?.question ?? m.itemId}</strong>
                <br />
                {t('summary.misconception', { share: Math.round(m.share * 100), chosen: m.chosen, n: m.respondents, wrong: words?.wrong ?? m.choiceId })}{' '}
                <span className="right">{t('summary.correct', { right: words?.right ?? m.correctChoiceId ?? '?' })}</span>
              </li>
            )
          })}
        </ol>
      </section>

      <section>
        <h3>{t('summary.notVisited')}</h3>
        <p data-testid="summary-not-visited">{s.notVisited.length ? s.notVisited.map(title).join('、') : t('summary.allVisited')}</p>
      </section>

      <section>
        <h3>{t('summary.passports')}</h3>
        <p className="hint">
          {t('summary.legend')} {t('summary.codesOnly')}
          {s.anonymousRuns > 0 && ` ${t('summary.anonymous', { n: s.anonymousRuns })}`}
        </p>
        <div className="summary-grids">
          {columns.map((c, i) => (
            <PassportGrid key={i} passports={c} exhibitIds={exhibitIds} />
          ))}
        </div>
      </section>
    </article>
  )
}
