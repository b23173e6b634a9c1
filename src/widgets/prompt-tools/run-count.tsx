/**
 * How many runs a template will queue (combinations × images per run) and which wildcard lists it
 * draws from, or why it cannot be sent, worked out against the lists as they stand.
 */
import { useMemo } from 'react';
import { countPromptRuns } from '../../prompt-library/prompt-planner';
import { TemplateTip } from './runs-hint';

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

export default function RunCount({ template, imagesPerRun }: { template: string; imagesPerRun: number }) {
  const count = useMemo(() => countPromptRuns(template.trim(), imagesPerRun), [template, imagesPerRun]);
  if (!count.ok) return <span className="text-danger">{count.problem}</span>;
  if (!count.templated) return <TemplateTip />;
  return (
    <>
      <strong className="font-semibold text-fg">{plural(count.runs, 'run')}</strong>
      {count.combinations > 1 && ` · ${plural(count.combinations, 'combination')} × ${plural(imagesPerRun, 'image')} each`}
      {count.wildcards.length > 0 && ` · drawing from ${count.wildcards.join(', ')} by each run's seed`}
    </>
  );
}
