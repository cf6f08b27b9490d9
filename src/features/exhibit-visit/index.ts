/**
 * The exhibit page (stage, run panel, VR panel, session lifecycle). Its code is a chunk of
 * its own, loaded when the first exhibit opens, so the lobby stays small: import types
 * from here freely, and the page only through `loadExhibitView`.
 */
export type { ShellServices } from './exhibit-view.tsx'
export const loadExhibitView = () => import('./exhibit-view.tsx')
export { setGuideHold } from './pause-signal.ts'
