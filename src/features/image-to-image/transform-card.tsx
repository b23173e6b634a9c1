/** One Transform run as a result card, compared with its source. */
import { IMAGE_SIZES } from '../../api/contract';
import { useTransformation } from '../../api/transform-image';
import { fileNameFor } from '../../lib/download-file';
import { ResultCard } from '../../widgets/result-card';
import type { TransformRun } from './transform-runs-store';

export function TransformCard({ run }: { run: TransformRun }) {
  const { params, baseUrl } = run;
  const query = useTransformation(run.id, baseUrl, run.image, params);
  return (
    <ResultCard
      runId={run.id}
      baseUrl={baseUrl}
      startedAt={run.startedAt}
      seed={params.seed}
      query={query}
      label={`Transform of ${run.image.name}: “${params.prompt.slice(0, 80)}”, seed ${params.seed}`}
      alt={params.prompt}
      size={IMAGE_SIZES[params.aspect_ratio]}
      fileName={(seed) => fileNameFor(params.prompt, seed, params.output_format)}
      before={run.sourceUrl}
    />
  );
}
