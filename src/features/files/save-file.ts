/**
 * Hands a file to the browser to save (exports, downloads fetched with a sign-in token). The
 * object URL is revoked a minute later: revoking it in the same turn can cancel the download in
 * some browsers.
 */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
