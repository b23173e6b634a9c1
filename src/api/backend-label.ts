/** The backend in use, named for people: "Local preview engine", "AiArt hosted", or a host. */
import { baseUrlOf, useBackendStore } from './backend';
import { useEngineInfo } from './engine-info';

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
