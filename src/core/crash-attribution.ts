/**
 * Which uncaught errors are an exhibit's own? Only those whose stack (or the script
 * they were thrown from) runs through the exhibit's code: its source folder in dev
 * (`…/exhibits/<id>/…`) or its chunk in a build (`exhibit-<id>.<hash>.js`, named so by
 * `exhibitChunkFileName`). Anything else — audio, sync, the shell, a browser extension —
 * is the page's problem and must not eject the student or record a false crash.
 */
export function errorBelongsToExhibit(error: unknown, exhibitId: string, source?: string): boolean {
  const stack =
    typeof error === 'object' && error !== null && typeof (error as { stack?: unknown }).stack === 'string' ? (error as { stack: string }).stack : ''
  const where = `${source ?? ''}\n${stack}`
  return where.includes(`exhibits/${exhibitId}/`) || where.includes(`/${exhibitChunkPrefix(exhibitId)}`)
}

/** File-name prefix of an exhibit's code chunk; the dot keeps `fire` from matching `fire-escape`. */
export function exhibitChunkPrefix(exhibitId: string): string {
  return `exhibit-${exhibitId}.`
}

/**
 * Build-side counterpart (Vite/rolldown `chunkFileNames`): the chunk whose entry is an
 * exhibit's `index.ts` is named after the exhibit; every other chunk keeps the default.
 */
export function exhibitChunkFileName(facadeModuleId: string | null | undefined): string | undefined {
  const m = facadeModuleId ? /\/exhibits\/([a-z0-9-]+)\/index\.tsx?$/.exec(facadeModuleId.replaceAll('\\', '/')) : null
  return m?.[1] ? `assets/${exhibitChunkPrefix(m[1])}[hash].js` : undefined
}
