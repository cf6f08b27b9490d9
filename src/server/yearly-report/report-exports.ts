import { loadExcel } from '../load-excel.ts'
import type { YearlyReport } from '../../core/yearly-report.ts'
import { countedLabel, reportTables, reportTitle, type ReportLang } from '../../core/yearly-report-tables.ts'
import { csvField } from './csv-field.ts'

/** Excel reads a CSV as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF'

/** The report's header lines, then each table (title, columns, rows, notes) and a blank line: the page's tables, cell for cell. */
function lines(r: YearlyReport, lang: ReportLang): (string | number)[][] {
  const out: (string | number)[][] = [[r.centerName], [reportTitle(r.year, lang)], [countedLabel(lang), r.generatedAt], []]
  for (const t of reportTables(r, lang)) {
    out.push([t.title], t.columns, ...t.rows.map((row) => row.cells), ...t.notes.map((n) => [n]), [])
  }
  return out
}

export function reportCsv(r: YearlyReport, lang: ReportLang): string {
  return (
    BOM +
    lines(r, lang)
      .map((l) => l.map(csvField).join(','))
      .join('\r\n') +
    '\r\n'
  )
}

/** The same lines as the CSV in one worksheet, titles bold and numbers as numbers (so Excel can add them up). */
export async function reportXlsx(r: YearlyReport, lang: ReportLang): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook()
  wb.creator = r.centerName
  wb.created = new Date(r.generatedAt)
  const ws = wb.addWorksheet(String(r.year))
  ws.columns = [{ width: 44 }, { width: 18 }, { width: 22 }, { width: 20 }]
  const titles = new Set([reportTitle(r.year, lang), ...reportTables(r, lang).map((t) => t.title)])
  for (const l of lines(r, lang)) {
    const row = ws.addRow(l)
    if (typeof l[0] === 'string' && titles.has(l[0])) row.font = { bold: true }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
