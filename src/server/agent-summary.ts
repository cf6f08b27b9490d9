/**
 * A user agent reduced to what tells a guide which device in the room is asking
 * ("Chrome 131 · Android"); the full string (build numbers, device models) is not kept.
 */
const BROWSERS: [RegExp, string][] = [
  [/OculusBrowser\/(\d+)/, 'Meta Quest Browser'],
  [/PicoBrowser\/(\d+)/, 'Pico Browser'],
  [/Edg\/(\d+)/, 'Edge'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|Chromium|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
]
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

export function agentSummary(ua: string | undefined): string {
  if (!ua) return 'unknown'
  const browser = BROWSERS.map(([re, name]) => [re.exec(ua)?.[1], name] as const).find(([v]) => v !== undefined)
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1]
  const parts = [browser ? `${browser[1]} ${browser[0]}` : null, system ?? null].filter((p) => p !== null)
  return parts.length ? parts.join(' · ') : 'other'
}
