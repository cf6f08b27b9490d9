/**
 * HTTPS on the center's LAN, as staff see it: the page that hands devices the server's CA
 * (`/admin/certificate`). Loaded lazily from the app's routes.
 */
export const loadCertificatePage = () => import('./certificate-page.tsx')
