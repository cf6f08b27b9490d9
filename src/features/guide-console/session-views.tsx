import type { Board } from '../../core/station-live.ts'
import { formatPassportCode } from '../passport/index.ts'
import type { ExhibitTitles } from './stations-table.tsx'
import { useConsoleText } from './texts.ts'

type Props = { board: Board; titles: ExhibitTitles; lang: 'zh-CN' | 'en' }
const MARK = { playing: '…', done: '✓', stamped: '★' } as const

/** Passports × exhibits, filling in as students finish (★ stamped, ✓ finished, … playing). */
export function ProgressGrid({ board, titles, lang }: Props) {
  const t = useConsoleText()
  const exhibits = board.session.exhibits
  return (
    <section>
      <h3>{t('grid.title')}</h3>
      <table className="console-table grid" data-testid="progress-grid">
        <thead>
          <tr>
            <th />
            {exhibits.map((id) => (
              <th key={id}>{titles[id]?.[lang] ?? id}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.passports.map((code) => (
            <tr key={code}>
              <th scope="row">{formatPassportCode(code)}</th>
              {exhibits.map((id) => {
                const c = board.cells[code]?.[id]
                return (
                  <td
                    key={id}
                    className={c?.status ?? 'none'}
                    data-testid="grid-cell"
                    data-passport={code}
                    data-exhibit={id}
                    data-status={c?.status ?? 'none'}
                    title={c ? t(`grid.${c.status}`) : ''}
                  >
                    {c ? MARK[c.status] : ''}
                    {c?.score !== null && c?.score !== undefined && <small> {c.score}</small>}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** The class's most shared wrong choices, each with the exhibit's own talking point. */
export function HintsList({ board, titles, lang }: Props) {
  const t = useConsoleText()
  return (
    <section>
      <h3>{t('hints.title')}</h3>
      {board.hints.length === 0 ? (
        <p data-testid="hints-none">{t('hints.none')}</p>
      ) : (
        <ol className="console-hints" data-testid="hints">
          {board.hints.map((h) => (
            <li
              key={`${h.exhibitId}/${h.kind}/${h.itemId}/${h.choiceId}`}
              data-testid="hint"
              data-exhibit={h.exhibitId}
              data-item={h.itemId}
              data-choice={h.choiceId}
              data-share={h.share}
            >
              <strong>{t('hints.line', { pct: Math.round(h.share * 100), choice: h.choice[lang] })}</strong> {t('hints.of', { n: h.chose, total: h.answered })}
              <br />
              <small>
                {titles[h.exhibitId]?.[lang] ?? h.exhibitId} · {h.question[lang]}
              </small>
              {h.point[lang] && <p className="talking-point">{h.point[lang]}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
