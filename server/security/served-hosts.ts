/**
 * Which names this engine answers to. A page on another site can make a browser send it requests
 * under that site's own name (DNS rebinding); refusing every Host header that is not a served name
 * keeps such a page from reading answers or driving the engine.
 */
import { networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = ['', '0.0.0.0', '::', '[::]'];
const HOST_HEADER = /^([a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

export interface HostAndPort {
  /** Lower case; IPv6 addresses in brackets. */
  name: string;
  port?: number;
}

/** Splits a Host header (or an origin's host) into name and port; undefined when it is malformed. */
export function parseHost(header: string): HostAndPort | undefined {
  const match = header.match(HOST_HEADER);
  if (!match) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? undefined : Number(match[2]) };
}

const bracketed = (address: string) => (address.includes(':') && !address.startsWith('[') ? `[${address}]` : address);

/** The names a Host header may carry: loopback, the bound host (every local address when bound to all), and the extra ones. */
export function servedHostNames(boundHost: string, extraHosts: readonly string[]): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, ...extraHosts]);
  if (WILDCARD_ADDRESSES.includes(boundHost)) {
    for (const address of Object.values(networkInterfaces()).flat()) if (address) names.add(bracketed(address.address));
  } else {
    names.add(bracketed(boundHost.toLowerCase()));
  }
  return names;
}

export function isServedHost(name: string, served: ReadonlySet<string>): boolean {
  return served.has(name) || name.endsWith('.localhost');
}
