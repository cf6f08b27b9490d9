/**
 * The guide's reports: the end-of-session summary for the teacher (on screen and on one A4
 * page) and the center's programme log. Each page is its own chunk, loaded from app routes.
 */
export const loadSummaryPage = () => import('./summary-page.tsx')
export const loadProgrammePage = () => import('./programme-page.tsx')
