/**
 * The yearly programme report (科普统计) for administrators: the figures of one year as
 * tables, printable on A4 and downloadable as CSV or XLSX. Its page is its own chunk.
 */
export const loadYearlyReportPage = () => import('./report-page.tsx')
