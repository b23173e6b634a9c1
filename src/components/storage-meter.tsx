/** Space the studio uses in this browser, what is available, and whether it is kept for good. */
const formatBytes = (bytes: number) => {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
};

export function StorageMeter({ usedBytes, quotaBytes, persisted }: { usedBytes?: number; quotaBytes?: number; persisted?: boolean }) {
  // The browser answers after the first paint: until then an invisible line of about the same
  // words holds the space, so what sits below does not jump down when the figures arrive.
  if (usedBytes === undefined || quotaBytes === undefined) {
    return (
      <div aria-hidden="true" className="invisible flex items-center gap-2 text-xs">
        <span className="h-2 w-20" />
        <span>00 KB of 00 GB used · the browser may clear it when space runs low</span>
      </div>
    );
  }
  const share = quotaBytes ? Math.min(1, usedBytes / quotaBytes) : 0;
  return (
    <div className="flex items-center gap-2 text-xs text-muted">
      <meter min={0} max={1} value={share} aria-label="Storage used" className="h-2 w-20" />
      <span>
        {formatBytes(usedBytes)} of {formatBytes(quotaBytes)} used ·{' '}
        {persisted ? 'kept by the browser' : 'the browser may clear it when space runs low'}
      </span>
    </div>
  );
}
