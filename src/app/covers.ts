/**
 * Pictures of each exhibit's scene for the lobby cards and the attract loop: `cover.webp` (or
 * .png/.jpg) in the exhibit's folder. Only the URLs are in the lobby's code; the images load
 * lazily, so they do not count against its first-load budget. An exhibit without a picture
 * shows the build's placeholder made from its stamp and title (src/build/covers-plugin.ts).
 */
import placeholders from 'virtual:sophora/cover-placeholders'

// no-inline: even a 3 KB picture must not be inlined into the lobby's first-load code.
const files = import.meta.glob('/exhibits/*/cover.{webp,png,jpg}', { eager: true, query: '?no-inline', import: 'default' }) as Record<string, string>

const byId = new Map<string, string>()
for (const [path, url] of Object.entries(files)) {
  const id = /^\/exhibits\/([^/]+)\/cover\.\w+$/.exec(path)?.[1]
  // webp first when an exhibit has several (the glob's order is the pattern's)
  if (id && !byId.has(id)) byId.set(id, url)
}

export const coverOf = (exhibitId: string): string | null => byId.get(exhibitId) ?? placeholders[exhibitId] ?? null
