import type ExcelJS from 'exceljs'

/**
 * exceljs costs ~0.3 s of CPU to import, paid by every server start (each `npm start`, each e2e
 * file's server) though only an export uses it: the server loads it at its first export instead.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}
