/**
 * Which media addresses the studio fetches: absolute http(s) URLs on a backend it is set to use
 * (this origin, the hosted service, or the custom backend in Settings), under one of the folders
 * the contract serves media from. An address from an archive or a share elsewhere is not fetched.
 */
import { MEDIA_FOLDERS } from '../api/contract';
import { baseUrlOf, HOSTED_URL, useBackendStore } from '../api/backend';

/** This origin, the hosted service, and the backend chosen in Settings. */
export function knownBackendOrigins(): Set<string> {
  const origins = new Set([new URL(HOSTED_URL).origin]);
  if (globalThis.location?.origin) origins.add(globalThis.location.origin);
  const chosen = baseUrlOf(useBackendStore.getState());
  if (chosen) origins.add(chosen);
  return origins;
}

/** The URL when it is media on one of `origins`, else undefined. */
export function backendMediaUrl(value: string, origins: ReadonlySet<string>): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const inMediaFolder = MEDIA_FOLDERS.some((folder) => url.pathname.startsWith(`/${folder}/`));
  return (url.protocol === 'http:' || url.protocol === 'https:') && origins.has(url.origin) && inMediaFolder && !url.username && !url.password ? url.href : undefined;
}
