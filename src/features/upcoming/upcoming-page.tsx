/** Shared galleries are not built yet: the page says so plainly and points to what works. */
import { Link } from 'wouter';
import { APP_PATHS } from '../../lib/app-paths';

export default function UpcomingSharePage() {
  return (
    <section className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold">Shared gallery</h1>
      <p className="mt-2 text-muted">Open galleries and recipes that other creators share by link.</p>
      <p className="mt-4 rounded-lg border border-line bg-panel p-4">This page is not built yet. Create, Transform, Animate and the Gallery work today.</p>
      <Link href={APP_PATHS.create} className="mt-4 inline-block rounded-md bg-accent px-4 py-2 font-medium text-accent-fg">
        Go to Create
      </Link>
    </section>
  );
}
