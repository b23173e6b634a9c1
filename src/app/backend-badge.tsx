/** Always shows which backend makes the pictures, and links to Settings to change it. */
import { Link } from 'wouter';
import { useBackendLabel } from '../api/backend-label';
import { APP_PATHS } from '../lib/app-paths';

export function BackendBadge({ compact = false }: { compact?: boolean }) {
  const { name, detail } = useBackendLabel();
  return (
    <Link
      href={APP_PATHS.settings}
      aria-label={`Backend: ${name}, ${detail}. Open settings`}
      className={`block rounded-lg border border-line text-muted [overflow-wrap:anywhere] hover:text-fg ${compact ? 'px-2 py-1 text-xs' : 'p-2 text-[11px] leading-tight'}`}
    >
      <span className="font-semibold text-fg">{name}</span>
      <span className={compact ? ' ' : 'block'}>{compact ? `· ${detail}` : detail}</span>
    </Link>
  );
}
