/**
 * The line under a prompt: for a template, how many runs it will queue (combinations × images per
 * run) and which wildcard lists it draws from, or why it cannot be sent; for a plain prompt (one
 * run per image, as the picker says), how to write a template.
 */
import { Link } from 'wouter';
import { APP_PATHS } from '../../lib/app-paths';
import { useRunCount } from './prompt-plan';

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
const token = 'rounded bg-raised px-1 font-mono text-[11px] text-fg';

export function RunsHint({ template, imagesPerRun }: { template: string; imagesPerRun: number }) {
  const count = useRunCount(template, imagesPerRun);
  if (!count) return <>Counting the runs…</>;
  if (!count.ok) return <span className="text-danger">{count.problem}</span>;
  if (!count.templated) {
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
  return (
    <>
      <strong className="font-semibold text-fg">{plural(count.runs, 'run')}</strong>
      {count.combinations > 1 && ` · ${plural(count.combinations, 'combination')} × ${plural(imagesPerRun, 'image')} each`}
      {count.wildcards.length > 0 && ` · drawing from ${count.wildcards.join(', ')} by each run's seed`}
    </>
  );
}
