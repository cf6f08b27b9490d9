import { ensureServerBundle } from './server-bundle.ts'

/**
 * Global setup of the projects whose files start the server as a process (unit, e2e): the
 * bundles are built here once (~0.5 s) rather than by the first files to need them, side by side.
 * A failed build does not stop the run: each file that needs a bundle builds it again and fails
 * with the build's error, while the other files run.
 */
export default async function setup(): Promise<void> {
  await ensureServerBundle().catch((e: unknown) => {
    console.error(`[server bundle] build failed; the files that start the server will fail with its error:\n${e instanceof Error ? e.message : String(e)}`)
  })
}
