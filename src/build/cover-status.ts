import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { z } from 'zod'

/** What a cover is not made from: the exhibit's tests, its prose (sources), its narration audio, its approved step pictures (look/) and the cover itself. */
const SKIP = new Set(['__tests__', 'cover.webp', 'cover.json', 'node_modules', 'sources.md', 'README.md', 'narration', 'look'])
const CoverStampSchema = z.object({ hash: z.string(), generated: z.literal(true) })

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (SKIP.has(n) ? [] : statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]))
}

/** What the first view is made from: every file of the folder but those in SKIP (editing sources.md does not call for a new picture). */
export function folderHash(dir: string): string {
  const h = createHash('sha256')
  for (const f of files(dir)) h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0')
  return h.digest('hex')
}

/**
 * 'author': the author's own picture (a cover without `cover.json`), never replaced;
 * 'current': rendered by `npm run gen:covers` from the folder as it is; 'stale': rendered
 * from an older state of the folder; 'missing': no picture at all.
 */
export type CoverStatus = 'author' | 'current' | 'stale' | 'missing'

/** The folder has a picture of its own (cheap: no hashing). */
export const hasCover = (dir: string) => ['cover.webp', 'cover.png', 'cover.jpg'].some((f) => existsSync(join(dir, f)))

export function coverStatus(dir: string): CoverStatus {
  const stamp = join(dir, 'cover.json')
  if (!hasCover(dir)) return 'missing'
  if (!existsSync(stamp)) return 'author'
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(stamp, 'utf8'))
  } catch {
    return 'stale'
  }
  const s = CoverStampSchema.safeParse(parsed)
  return s.success && s.data.hash === folderHash(dir) ? 'current' : 'stale'
}

/** Writes the stamp that marks a cover as rendered from the folder's present files. */
export function coverStampJson(dir: string): string {
  return `${JSON.stringify({ hash: folderHash(dir), generated: true }, null, 2)}\n`
}

/** Where `npm run look -- --approve` keeps an exhibit's approved step pictures (bench/look). */
export const LOOK_DIR = 'look'

/** The approved picture of the exhibit's first step (its lobby card's picture unless the author gave one), or null. */
export function firstLook(dir: string): string | null {
  const looks = join(dir, LOOK_DIR)
  if (!existsSync(looks)) return null
  const first = readdirSync(looks)
    .filter((f) => /^01-.+\.webp$/.test(f))
    .sort()[0]
  return first ? join(looks, first) : null
}
