export { GuideConsolePage } from './console-page.tsx'
export { GuideSessionPage } from './session-page.tsx'
