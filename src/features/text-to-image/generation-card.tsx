/** One Create run as a result card. */
import { IMAGE_SIZES } from '../../api/contract';
import { useGeneration } from '../../api/generate-image';
import { fileNameFor } from '../../lib/download-file';
import { ResultCard } from '../../widgets/result-card';
import type { GenerationRun } from './create-runs-store';

export function GenerationCard({ run }: { run: GenerationRun }) {
  const { params, baseUrl } = run;
  const query = useGeneration(run.id, baseUrl, params);
  return (
    <ResultCard
      runId={run.id}
      baseUrl={baseUrl}
      startedAt={run.startedAt}
      seed={params.seed}
      query={query}
      label={`Image for “${params.video_description.slice(0, 80)}”, seed ${params.seed}`}
      alt={params.video_description}
      size={IMAGE_SIZES[params.aspect_ratio]}
      fileName={(seed) => fileNameFor(params.video_description, seed, params.output_format)}
    />
  );
}
