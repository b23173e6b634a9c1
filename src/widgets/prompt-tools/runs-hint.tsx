/**
 * The line under a prompt. A plain prompt (one run per image, as the picker says) gets how to write
 * a template; a prompt that may be one gets its run count, whose code loads only then.
 */
import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { APP_PATHS } from '../../lib/app-paths';
import { mayBeTemplate } from './prompt-plan';

const RunCount = lazy(() => import('./run-count'));
const token = 'rounded bg-raised px-1 font-mono text-[11px] text-fg';

/** How to write combinations and wildcards, and what happens to a lone brace. */
export function TemplateTip() {
  return (
    <>
      <code className={token}>{'{a|b}'}</code> makes a run per choice, <code className={token}>__name__</code> draws from a{' '}
      <Link href={APP_PATHS.settings} className="underline hover:text-fg">
        wildcard list
      </Link>
      . Braces must pair up: <code className={token}>{'\\{'}</code> writes one.
    </>
  );
}

export function RunsHint({ template, imagesPerRun }: { template: string; imagesPerRun: number }) {
  if (!mayBeTemplate(template)) return <TemplateTip />;
  return (
    <Suspense fallback="Counting the runs…">
      <RunCount template={template} imagesPerRun={imagesPerRun} />
    </Suspense>
  );
}
