/** The district admin's page (`/district`, served by the district server): its own chunk. */
export const loadDistrictPage = () => import('./district-page.tsx')
