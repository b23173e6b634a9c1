/**
 * An object URL for a Blob read asynchronously for `key` (none while `key` is undefined), revoked
 * when the key changes or the view goes. Returns the key it belongs to, so a caller can tell a
 * stale URL from a fresh one. `read` should be a stable function (defined outside the component).
 */
import { useEffect, useState } from 'react';

export function useBlobUrl(key: string | undefined, read: (key: string) => Promise<Blob | undefined>): { key: string; url: string } | undefined {
  const [shown, setShown] = useState<{ key: string; url: string }>();
  useEffect(() => {
    if (key === undefined) return;
    let url: string | undefined;
    let live = true;
    void read(key).then((blob) => {
      if (!live || !blob) return;
      url = URL.createObjectURL(blob);
      setShown({ key, url });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [key, read]);
  return key !== undefined && shown?.key === key ? shown : undefined;
}
