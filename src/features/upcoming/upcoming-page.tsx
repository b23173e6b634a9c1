/** A page of the studio that is not built yet: says so plainly and points to what works. */
import { Link } from 'wouter';
import { APP_PATHS } from '../../lib/app-paths';

export default function UpcomingPage({ title, summary }: { title: string; summary: string }) {
  return (
    <section className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-muted">{summary}</p>
      <p className="mt-4 rounded-lg border border-line bg-panel p-4">
        This page is not built yet. Creating images from text works today.
      </p>
      <Link href={APP_PATHS.create} className="mt-4 inline-block rounded-md bg-accent px-4 py-2 font-medium text-accent-fg">
        Go to Create
      </Link>
    </section>
  );
}
