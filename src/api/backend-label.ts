/**
 * The backend in use, named for people: "Local preview engine", "AiArt hosted", a host, or the
 * model of the page on screen (else this server's default model) with the backend serving it.
 */
import { baseUrlOf, useBackendStore } from './backend';
import { useEngineInfo } from './engine-info';
import { usePageModels } from './page-model';

const LOCAL = { name: 'Local preview engine', detail: 'procedural art, not AI' };

export function useBackendLabel(): { name: string; detail: string } {
  const choice = useBackendStore((s) => s.choice);
  const baseUrl = useBackendStore(baseUrlOf);
  const { data: engine } = useEngineInfo();
  const shown = usePageModels((s) => s.shown);
  if (choice === 'hosted') return { name: 'AiArt hosted', detail: 'AI models on the hosted service' };
  if (choice === 'custom') return { name: 'Custom backend', detail: new URL(baseUrl).host };
  const model = shown ?? engine?.models?.[0];
  if (model?.backend === 'local') return LOCAL;
  if (model?.backend === 'aiart') return { name: 'AiArt hosted', detail: 'through this server' };
  if (model) {
    const backend = engine?.backends?.find((b) => b.id === model.backend)?.label ?? model.backend;
    return { name: model.label, detail: backend };
  }
  if (engine?.engine === 'local-preview') return LOCAL;
  if (engine?.engine === 'proxy') return { name: 'AiArt hosted', detail: 'through this server' };
  return { name: 'This server', detail: 'backend on this origin' };
}
