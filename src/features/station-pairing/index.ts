/**
 * Station pairing in the guide console: the page where a guide, standing at a new station,
 * types the code it shows and approves it (or rejects a device that should not be there).
 * Its own chunk, loaded from the app's routes.
 */
export const loadPairingPage = () => import('./pairing-page.tsx')
