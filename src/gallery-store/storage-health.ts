/** How safe the gallery is in this browser: persistent storage, space used and available. */
import { useEffect, useState } from 'react';

export interface StorageHealth {
  persisted?: boolean;
  usedBytes?: number;
  quotaBytes?: number;
}

/** Asks once for persistent storage, so the browser does not evict the gallery under pressure. */
async function requestPersistence(): Promise<boolean | undefined> {
  if (!navigator.storage?.persist) return undefined;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

async function readStorageHealth(): Promise<StorageHealth> {
  const [persisted, estimate] = await Promise.all([
    navigator.storage?.persisted?.(),
    navigator.storage?.estimate?.(),
  ]);
  return { persisted, usedBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

export function useStorageHealth(refreshKey: unknown): StorageHealth {
  const [health, setHealth] = useState<StorageHealth>({});
  useEffect(() => {
    let live = true;
    void requestPersistence()
      .catch(() => undefined)
      .then(readStorageHealth)
      .then((next) => live && setHealth(next));
    return () => {
      live = false;
    };
  }, [refreshKey]);
  return health;
}
