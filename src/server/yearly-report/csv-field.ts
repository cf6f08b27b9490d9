// Its own module: the district's CSV uses it without loading exceljs (report-exports.ts).

/** RFC 4180 quoting; a text starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v)
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
