/**
 * The statistics dashboard (`/admin/dashboard`): filters in the URL, one chart and one table
 * per view, exports for admins. Its own chunk; ECharts is a further chunk loaded on first draw.
 */
export const loadDashboardPage = () => import('./dashboard-page.tsx')
