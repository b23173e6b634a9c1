/** Any path the studio has no page for. */
import { Link } from 'wouter';
import { APP_PATHS } from '../../lib/app-paths';

export default function NotFoundPage() {
  return (
    <section className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">There is no page at this address.</p>
      <Link href={APP_PATHS.create} className="mt-4 inline-block rounded-md bg-accent px-4 py-2 font-medium text-accent-fg">
        Go to Create
      </Link>
    </section>
  );
}
