/**
 * User management and the access audit for admins (`/admin/users`, issue 14). Loaded lazily
 * from the app's routes; a guide who opens it is told it is admin-only.
 */
export const loadAdminUsersPage = () => import('./users-page.tsx')
