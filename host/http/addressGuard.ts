/**
 * Server-side request safety: a connector's URL may not reach private, loopback, link-local
 * or otherwise internal addresses (SSRF). The check runs on the address the connection is
 * actually made to — inside the agent's DNS lookup, and on literal IPs for every hop,
 * redirects included — so a name that resolves to a public address when checked and to an
 * internal one when connecting (DNS rebinding) cannot pass.
 */
import dns from 'node:dns';
import net from 'node:net';
import { ConnectorError } from '#core';

const BLOCKED_V4 = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const;
const BLOCKED_V6 = [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const;

export interface AddressGuardOptions {
  /** Addresses or CIDR ranges allowed even though they are internal (tests: the local sandbox). */
  allow?: readonly string[];
  /** The resolver (default dns.lookup); tests inject one that answers like a rebinding DNS. */
  lookup?: typeof dns.lookup;
}

export interface AddressGuard {
  /** For http.Agent's `lookup`: resolves, then refuses internal addresses before connecting. */
  lookup: net.LookupFunction;
  /** Throws when `hostname` is a literal internal IP (those skip DNS lookup entirely). */
  checkHost(hostname: string): void;
  isAllowed(address: string): boolean;
}

function blockList(entries: readonly (readonly [string, number])[], family: 'ipv4' | 'ipv6'): net.BlockList {
  const list = new net.BlockList();
  for (const [network, prefix] of entries) list.addSubnet(network, prefix, family);
  return list;
}

/** `CONNECTOR_STUDIO_ALLOW_ADDRESSES=127.0.0.1,10.0.0.0/8` → ['127.0.0.1', '10.0.0.0/8']. */
export function parseAllowList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

export function createAddressGuard(options: AddressGuardOptions = {}): AddressGuard {
  const blockedV4 = blockList(BLOCKED_V4, 'ipv4');
  const blockedV6 = blockList(BLOCKED_V6, 'ipv6');
  const allowed = new net.BlockList();
  for (const entry of options.allow ?? []) {
    const [address, prefix] = entry.split('/');
    const family = net.isIPv6(address ?? '') ? 'ipv6' : 'ipv4';
    if (!net.isIP(address ?? '')) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) allowed.addAddress(address!, family);
    else allowed.addSubnet(address!, Number(prefix), family);
  }
  const resolve = options.lookup ?? dns.lookup;

  const isAllowed = (address: string): boolean => {
    const family = net.isIP(address);
    if (family === 0) return false;
    // ::ffff:10.0.0.1 is IPv4 in disguise: judge the IPv4 address.
    const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
    if (mapped) return isAllowed(mapped);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (allowed.check(address, type)) return true;
    return !(type === 'ipv4' ? blockedV4 : blockedV6).check(address, type);
  };

  const refusal = (host: string, address: string) =>
    new ConnectorError('ADDRESS_BLOCKED', `${host} resolves to ${address}, an internal address that server-side runs may not call.`, {
      hint: 'Use the API\'s public address. Server runs never call private, loopback or link-local networks.',
    });

  return {
    isAllowed,
    checkHost(hostname) {
      const bare = hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(bare) && !isAllowed(bare)) throw refusal(hostname, bare);
    },
    lookup(hostname, lookupOptions, callback) {
      resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
        if (error) return callback(error, '', 0);
        const list = addresses as unknown as dns.LookupAddress[];
        const bad = list.find((entry) => !isAllowed(entry.address));
        if (bad || list.length === 0) {
          return callback(refusal(hostname, bad?.address ?? 'no address') as unknown as NodeJS.ErrnoException, '', 0);
        }
        if (lookupOptions.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
        callback(null, list[0]!.address, list[0]!.family);
      });
    },
  };
}
