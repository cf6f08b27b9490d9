import { loadDashboardStyles } from '../dashboard/index.ts'

/**
 * The district admin's page (`/district`, served by the district server): its own chunk. It shows
 * the dashboard's tables, so the dashboard's styles load with it (before it draws: no unstyled flash).
 */
export const loadDistrictPage = async () => (await Promise.all([import('./district-page.tsx'), loadDashboardStyles()]))[0]
