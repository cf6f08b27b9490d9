import { loadExcel } from '../load-excel.ts'
import type { Cell, DashboardTable } from '../../core/dashboard.ts'

type Lang = 'zh-CN' | 'en'
const NOTE: Record<Lang, { header: string; text: string }> = {
  'zh-CN': { header: '备注', text: '少于 5 名学生，不显示' },
  en: { header: 'Note', text: 'fewer than 5 students: not shown' },
}

/** The table's shown columns plus a note column (only when a row was suppressed), as the page shows them. */
export function exportRows(t: DashboardTable, lang: Lang): { header: string[]; rows: Cell[][] } {
  const withNote = t.rows.some((r) => r.suppressed)
  const header = t.columns.map((c) => c.label[lang])
  if (withNote) header.push(NOTE[lang].header)
  const rows = t.rows.map((r) => {
    const cells = t.columns.map((c) => r[c.key] ?? null)
    if (withNote) cells.push(r.suppressed ? NOTE[lang].text : null)
    return cells
  })
  return { header, rows }
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-looking text is prefixed so Excel shows it as text. */
function csvField(v: Cell): string {
  if (v === null) return ''
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** UTF-8 with a byte-order mark, so Excel opens Chinese headings correctly; CRLF lines. */
export function toCsv(t: DashboardTable, lang: Lang): Buffer {
  const { header, rows } = exportRows(t, lang)
  const text = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

/** One worksheet named after the view, header row bold and frozen. */
export async function toXlsx(t: DashboardTable, lang: Lang): Promise<Buffer> {
  const { header, rows } = exportRows(t, lang)
  const wb = new (await loadExcel()).Workbook()
  wb.creator = 'Sophora'
  const ws = wb.addWorksheet(t.view, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.columns.forEach((c, i) => {
    c.width = Math.min(40, Math.max(10, (header[i]?.length ?? 8) * 2))
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
