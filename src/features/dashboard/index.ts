/**
 * The statistics dashboard (`/admin/dashboard`): filters in the URL, one chart and one table
 * per view, exports for admins. Its own chunk; ECharts is a further chunk, loaded when the page opens signed in.
 */
/** Starts the page's chunk, ECharts and (signed in) its requests before the first render. */
export { startDashboardEarly } from './early-start.ts'
export const loadDashboardPage = () => import('./dashboard-page.tsx')
/** The dashboard's filter, table and view styles, for pages that show the same tables (the district page). */
export const loadDashboardStyles = () => import('./dashboard.css')
/** The figures as a table, shared with the district's page (small; no chart code). */
export { DataTable, type DataRow } from './data-table.tsx'
