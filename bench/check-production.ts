import { bundleReport } from './bundle-sizes.ts'

/**
 * Run after `npm run build` (CI does): fails if the IWER XR emulator reached any
 * production chunk, or the lobby's first load exceeds its 200 KB gzip budget.
 */
const r = bundleReport('dist')
const problems: string[] = []
if (r.emulatorInProduction.length) problems.push(`XR emulator code in production chunks: ${r.emulatorInProduction.join(', ')}`)
if (r.lobbyFirstLoadGzip > 200 * 1024) problems.push(`lobby first load is ${(r.lobbyFirstLoadGzip / 1024).toFixed(1)} KB gzip (budget 200 KB)`)
console.log(
  `lobby first load ${(r.lobbyFirstLoadGzip / 1024).toFixed(1)} KB gzip; 3D stage ${(r.stageGzip / 1024).toFixed(1)} KB; emulator in production: ${r.emulatorInProduction.length ? 'YES' : 'no'}`,
)
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
