/** Any path the studio has no page for. */
import { Link } from 'wouter';
import { APP_PATHS } from '../../lib/app-paths';
import { buttonClass } from '../../components/button';

export default function NotFoundPage() {
  return (
    <section className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">There is no page at this address.</p>
      <Link href={APP_PATHS.create} className={buttonClass('primary', 'mt-4')}>
        Go to Create
      </Link>
    </section>
  );
}
