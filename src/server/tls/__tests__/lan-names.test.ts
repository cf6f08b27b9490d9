import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { canonicalIp, lanNames, nameKeys, reachableAddresses } from '../lan-names.ts'
import { frontAnswer, httpsLocation, isLoopback } from '../http-front.ts'

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo

const INTERFACES = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  wlan0: [iface('192.168.1.20', 'IPv4'), iface('FD00:0:0:0:0:0:0:2', 'IPv6'), iface('fe80::1c2:3ff:fe44:5566', 'IPv6')],
  eth1: [iface('10.0.0.7', 'IPv4')],
}

describe('lanNames', () => {
  it('covers localhost, the host name and its .local name, loopback and every LAN address, not IPv6 link-local', () => {
    const n = lanNames('Kexue-PC', INTERFACES)
    expect(n.dns).toEqual(['kexue-pc', 'kexue-pc.local', 'localhost'])
    expect(n.ips).toEqual(['10.0.0.7', '127.0.0.1', '192.168.1.20', '::1', 'fd00::2'])
    expect(reachableAddresses(n)).toEqual(['10.0.0.7', '192.168.1.20', 'fd00::2'])
  })

  it("a dotted host name keeps its first label's .local name; a host name that is no DNS name is left out", () => {
    expect(lanNames('kiosk.center.lan', {}).dns).toEqual(['kiosk.center.lan', 'kiosk.local', 'localhost'])
    expect(lanNames('my_pc!', {}).dns).toEqual(['localhost'])
  })

  it('spells an IPv6 address one way for comparing', () => {
    expect(canonicalIp('FE80:0:0:0:0:0:0:1')).toBe('fe80::1')
    expect(nameKeys({ dns: ['a'], ips: ['FD00:0:0:0:0:0:0:2', '10.0.0.1'] })).toEqual(['dns:a', 'ip:10.0.0.1', 'ip:fd00::2'])
  })
})

describe('the plain-HTTP listener beside HTTPS', () => {
  const ask = (remoteAddress: string, url = '/check-in?x=1', method = 'GET', host = '192.168.1.20:8080') =>
    frontAnswer({ remoteAddress, url, method, host }, 8443)

  it('serves the app to loopback only', () => {
    for (const a of ['127.0.0.1', '127.5.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true)
    for (const a of ['192.168.1.20', '::ffff:192.168.1.20', 'fd00::2', '0.0.0.0', undefined]) expect(isLoopback(a), String(a)).toBe(false)
    expect(ask('127.0.0.1')).toEqual({ kind: 'app' })
  })

  it('redirects the LAN to HTTPS on the host it used, path and query kept, POST included', () => {
    expect(ask('192.168.1.33')).toEqual({ kind: 'redirect', location: 'https://192.168.1.20:8443/check-in?x=1' })
    expect(ask('fd00::9', '/api/events', 'POST', '[fd00::2]:8080')).toEqual({ kind: 'redirect', location: 'https://[fd00::2]:8443/api/events' })
    expect(ask('192.168.1.33', '/', 'GET', 'kexue-pc.local')).toEqual({ kind: 'redirect', location: 'https://kexue-pc.local:8443/' })
    expect(httpsLocation('kexue.example.cn:80', '/a', 443)).toBe('https://kexue.example.cn/a')
  })

  it('lets the LAN download the CA over plain HTTP (a device cannot trust HTTPS before it has the CA), nothing else', () => {
    expect(ask('192.168.1.33', '/api/tls/ca.crt')).toEqual({ kind: 'app' })
    expect(ask('192.168.1.33', '/api/tls/ca.crt', 'POST').kind).toBe('redirect')
    expect(ask('192.168.1.33', '/api/tls/ca.pem').kind).toBe('redirect')
    expect(ask('192.168.1.33', '/api/tls').kind).toBe('redirect')
  })

  it('answers 400 to a Host header that is not a host', () => {
    expect(ask('192.168.1.33', '/', 'GET', 'a b')).toEqual({ kind: 'bad-host' })
    expect(frontAnswer({ remoteAddress: '192.168.1.33', url: '/', method: 'GET', host: undefined }, 8443)).toEqual({ kind: 'bad-host' })
  })
})
