/** Always shows which backend makes the pictures, and links to Settings to change it. */
import { Link } from 'wouter';
import { baseUrlOf, useBackendStore } from '../api/backend';
import { useEngineInfo } from '../api/engine-info';
import { APP_PATHS } from '../lib/app-paths';

export function useBackendLabel(): { name: string; detail: string } {
  const choice = useBackendStore((s) => s.choice);
  const baseUrl = useBackendStore(baseUrlOf);
  const { data: engine } = useEngineInfo();
  if (choice === 'hosted') return { name: 'AiArt hosted', detail: 'AI models on the hosted service' };
  if (choice === 'custom') return { name: 'Custom backend', detail: new URL(baseUrl).host };
  if (engine?.engine === 'local-preview') return { name: 'Local preview engine', detail: 'procedural art, not AI' };
  if (engine?.engine === 'proxy') return { name: 'AiArt hosted', detail: 'through this server' };
  return { name: 'This server', detail: 'backend on this origin' };
}

export function BackendBadge({ compact = false }: { compact?: boolean }) {
  const { name, detail } = useBackendLabel();
  return (
    <Link
      href={APP_PATHS.settings}
      aria-label={`Backend: ${name}, ${detail}. Open settings`}
      className={`block rounded-lg border border-line text-muted hover:text-fg ${compact ? 'px-2 py-1 text-xs' : 'p-2 text-[11px] leading-tight'}`}
    >
      <span className="font-semibold text-fg">{name}</span>
      <span className={compact ? ' ' : 'block'}>{compact ? `· ${detail}` : detail}</span>
    </Link>
  );
}
