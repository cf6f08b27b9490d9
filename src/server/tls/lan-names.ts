import { hostname as osHostname, networkInterfaces } from 'node:os'
import type { NetworkInterfaceInfo } from 'node:os'

/** The names and addresses a station may type to reach this machine: what the server certificate must cover. */
export interface LanNames {
  dns: string[]
  ips: string[]
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/

/** An IP address in the one spelling used for comparing (IPv6 compressed, lower case), as the WHATWG URL parser writes it. */
export function canonicalIp(ip: string): string {
  return ip.includes(':') ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip
}

/**
 * localhost, the host name and its mDNS name (`name.local`), loopback, and every address of
 * the machine's network interfaces except IPv6 link-local ones (fe80::/10): those need a zone
 * id (`%eth0`), which browsers do not accept in a URL, so no station can use them.
 */
export function lanNames(hostname: string = osHostname(), interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): LanNames {
  const dns = new Set(['localhost'])
  const host = hostname.trim().toLowerCase().replace(/\.$/, '')
  if (host && host.split('.').every((l) => LABEL.test(l))) {
    dns.add(host)
    dns.add(`${host.split('.')[0]!}.local`)
  }
  const ips = new Set(['127.0.0.1', '::1'])
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      if (a.internal) continue
      const ip = canonicalIp(a.address.split('%')[0]!)
      if (a.family === 'IPv6' && /^fe[89ab]/.test(ip)) continue
      ips.add(ip)
    }
  }
  return { dns: [...dns].sort(), ips: [...ips].sort() }
}

/** The addresses a station on the LAN can use (no loopback), IPv4 first: what the start message and the certificate page show. */
export function reachableAddresses(names: LanNames): string[] {
  const lan = names.ips.filter((ip) => ip !== '127.0.0.1' && ip !== '::1')
  return [...lan.filter((ip) => !ip.includes(':')), ...lan.filter((ip) => ip.includes(':'))]
}

/** One string per name, `dns:x` / `ip:y`, for comparing what a certificate covers with what it should. */
export function nameKeys(names: LanNames): string[] {
  return [...names.dns.map((d) => `dns:${d}`), ...names.ips.map((ip) => `ip:${canonicalIp(ip)}`)].sort()
}
