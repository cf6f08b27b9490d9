import { createHmac, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { PassThrough, type Readable } from 'node:stream'
import { loadExcel } from '../load-excel.ts'
import type { Db } from '../db/database.ts'

type Lang = 'zh-CN' | 'en'

/** One sheet holds at most 1,048,576 rows in Excel; a bigger range is refused (413), not cut. */
export const MAX_EXPORT_EVENTS = 1_000_000
/** Rows read per query: the connection is free between pages, so other requests are served meanwhile. */
const PAGE = 2000

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['时间 (UTC)', '日期', '展项', '事件', '题目或步骤', '所选答案', '正确', '用时 (毫秒)', '模式', '展台', '班级活动', '学生（化名）'],
  en: ['Time (UTC)', 'Day', 'Exhibit', 'Event', 'Item', 'Choice', 'Correct', 'Duration (ms)', 'Mode', 'Station', 'Class session', 'Student (pseudonym)'],
}

/**
 * Events in a day range, at most: the trigger-kept daily_counts (a count per day, exhibit and
 * type) instead of a scan. They are never decremented, so after deleted events this is an
 * upper bound — enough to refuse a range before any byte is sent.
 */
export const eventsInRange = (db: Db, from: string, to: string): number =>
  db.prepare<[string, string], number>('SELECT coalesce(SUM(n), 0) FROM daily_counts WHERE day BETWEEN ? AND ?').pluck().get(from, to) ?? 0

type Row = [
  number,
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  string | null,
  string,
  string | null,
  string | null,
]

/**
 * Every event of the range, one row each, as an XLSX stream (exceljs WorkbookWriter: rows are
 * written out as they come, so memory stays flat for a year). Students appear only as a
 * pseudonym: a keyed hash of the passport code with a key made for this file and then
 * forgotten, so rows of one student can be followed within the file, but the file cannot be
 * joined to a paper passport, to another export, or back to the database. No event ids.
 */
export function eventsXlsx(db: Db, o: { from: string; to: string; lang: Lang }): Readable {
  const out = new PassThrough()
  const key = randomBytes(32)
  const pseudonym = (code: string) => `S-${createHmac('sha256', key).update(code).digest('hex').slice(0, 12)}`
  const page = db.prepare<[number, string, string, number], Row>(
    `SELECT seq, time_ms, day, exhibit_id, type, item_id, json_extract(data, '$.choiceId'), correct, duration_ms, json_extract(data, '$.mode'),
      station_id, session_id, passport_id
    FROM events WHERE seq > ? AND day BETWEEN ? AND ? ORDER BY seq LIMIT ?`,
  )
  const write = async () => {
    const wb = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
    wb.creator = 'Sophora'
    const ws = wb.addWorksheet('events', { views: [{ state: 'frozen', ySplit: 1 }] })
    const head = ws.addRow(HEADERS[o.lang])
    head.font = { bold: true }
    head.commit()
    let after = 0
    for (;;) {
      const rows = page.raw().all(after, o.from, o.to, PAGE) as unknown as Row[]
      for (const [, time, day, exhibit, type, item, choice, correct, duration, mode, station, session, passport] of rows)
        ws.addRow([
          new Date(time).toISOString(),
          day,
          exhibit,
          type,
          item,
          choice,
          correct === null ? null : correct === 1,
          duration,
          mode,
          station,
          session,
          passport === null ? null : pseudonym(passport),
        ]).commit()
      if (rows.length < PAGE) break
      after = rows[rows.length - 1]![0]
      // Wait for a slow client (backpressure), and let other requests use the connection between pages.
      if (out.writableNeedDrain) await once(out, 'drain')
      else await new Promise((r) => setImmediate(r))
    }
    ws.commit()
    await wb.commit()
  }
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))))
  return out
}
