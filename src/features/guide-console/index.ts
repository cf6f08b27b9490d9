/**
 * The guide console on a tablet: the center's stations, starting a class session, and the
 * session live (commands to stations, progress grid, misconception hints). Pages load lazily.
 */
import './console.css'
export const loadConsolePages = () => import('./pages.ts')
export type { ConsoleProps } from './console-page.tsx'
export type { SessionPageProps } from './session-page.tsx'
