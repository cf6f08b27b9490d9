import { describe, expect, it } from 'vitest'
import { legacyHashRedirect, paths } from '../routes.ts'

const loc = (pathname: string, search: string, hash: string) => ({ pathname, search, hash })

describe('legacy hash links', () => {
  it('/#/exhibit/<id> becomes /exhibit/<id>, keeping the query string', () => {
    expect(legacyHashRedirect(loc('/', '?xr-emulate&visit=x', '#/exhibit/fire-escape'))).toBe('/exhibit/fire-escape?xr-emulate&visit=x')
    expect(legacyHashRedirect(loc('/', '', '#/'))).toBe('/')
    expect(legacyHashRedirect(loc('/', '', '#/exhibit/Bad_Id'))).toBe('/')
  })
  it('leaves real paths and plain anchors alone', () => {
    expect(legacyHashRedirect(loc('/passport/K7QM2XHD9W', '', '#/exhibit/x'))).toBeNull()
    expect(legacyHashRedirect(loc('/', '', '#top'))).toBeNull()
    expect(legacyHashRedirect(loc('/', '', ''))).toBeNull()
  })
  it('builds the paths the server falls back to index.html for', () => {
    expect(paths.batchPrint('a b')).toBe('/guide/passports/a%20b/print')
    expect(paths.passport('K7QM2XHD9W')).toBe('/passport/K7QM2XHD9W')
  })
})
