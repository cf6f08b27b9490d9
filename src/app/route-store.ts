import { create } from 'zustand'

export type Route = { name: 'lobby' } | { name: 'exhibit'; id: string }

/** `#/` is the lobby, `#/exhibit/<id>` an exhibit: a refresh lands where the visitor was. */
export function parseHash(hash: string): Route {
  const m = /^#\/exhibit\/([a-z0-9-]+)\/?$/.exec(hash)
  return m?.[1] ? { name: 'exhibit', id: m[1] } : { name: 'lobby' }
}
export function routeHash(r: Route): string {
  return r.name === 'exhibit' ? `#/exhibit/${r.id}` : '#/'
}

interface RouteSlice { route: Route; go(r: Route): void }

export const useRouteStore = create<RouteSlice>()((set) => ({
  route: typeof location === 'undefined' ? { name: 'lobby' } : parseHash(location.hash),
  go(route) {
    if (location.hash !== routeHash(route)) location.hash = routeHash(route)
    set({ route })
  },
}))

/** Keep the store in step with back/forward buttons; returns its cleanup. */
export function setupHashRouting(): () => void {
  const onHash = () => useRouteStore.setState({ route: parseHash(location.hash) })
  window.addEventListener('hashchange', onHash)
  return () => window.removeEventListener('hashchange', onHash)
}
