import type { StationRow } from '../../core/station-live.ts'
import { formatPassportCode } from '../passport/index.ts'
import { useConsoleText } from './texts.ts'

export type ExhibitTitles = Record<string, { 'zh-CN': string; en: string }>
const KIND = { headset: 'VR', touchscreen: '触屏 Touch', pc: 'PC', phone: '手机 Phone' } as const

/** One line per station: name, kind, online or last seen, what it shows, passport, outbox. */
export function StationsTable(props: {
  stations: (StationRow & { joined?: boolean })[]
  titles: ExhibitTitles
  lang: 'zh-CN' | 'en'
  chosen?: Set<string>
  onChoose?(id: string, on: boolean): void
  onJoin?(id: string): void
}) {
  const t = useConsoleText()
  if (props.stations.length === 0) return <p data-testid="stations-none">{t('stations.none')}</p>
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString(props.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : null)
  return (
    <table className="console-table" data-testid="stations">
      <thead>
        <tr>
          {props.onChoose && <th />}
          <th>{t('stations.name')}</th>
          <th>{t('stations.kind')}</th>
          <th>{t('stations.status')}</th>
          <th>{t('stations.showing')}</th>
          <th>{t('stations.passport')}</th>
          <th>{t('stations.outbox')}</th>
          {props.onJoin && <th />}
        </tr>
      </thead>
      <tbody>
        {props.stations.map((s) => {
          const st = s.state
          const seen = time(s.lastSeen)
          return (
            <tr
              key={s.stationId}
              data-testid="station-row"
              data-station={s.stationId}
              data-name={s.name}
              data-online={s.online}
              data-showing={st?.showing ?? ''}
              data-passport={st?.passport ?? ''}
              data-held={st?.held ?? false}
              data-joined={s.joined ?? false}
            >
              {props.onChoose && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={s.name}
                    checked={props.chosen?.has(s.stationId) ?? false}
                    onChange={(e) => props.onChoose?.(s.stationId, e.currentTarget.checked)}
                    data-testid={`choose-${s.name}`}
                  />
                </td>
              )}
              <td>{s.kind ? s.name : `${s.name} ${t('stations.unnamed')}`}</td>
              <td>{s.kind ? KIND[s.kind] : '—'}</td>
              <td className={s.online ? 'ok' : 'warn'}>
                {s.online ? t('stations.online') : t('stations.offline')}
                {!s.online && <small> {seen ? t('stations.lastSeen', { time: seen }) : t('stations.never')}</small>}
                {st?.held && <small> · {t('stations.held')}</small>}
                {st?.waiting && <small> · {t('stations.waiting', { what: st.waiting })}</small>}
              </td>
              <td>{st?.showing ? (props.titles[st.showing]?.[props.lang] ?? st.showing) : st ? t('stations.lobby') : '—'}</td>
              <td>{st?.passport ? formatPassportCode(st.passport) : '—'}</td>
              <td>{st ? st.outbox : '—'}</td>
              {props.onJoin && (
                <td>
                  {!s.joined && (
                    <button className="btn" onClick={() => props.onJoin?.(s.stationId)} data-testid={`join-${s.name}`}>
                      {t('stations.join')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
