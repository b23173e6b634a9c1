/** The frame around every page: navigation (a rail on desktop, a bottom bar on phones) and main. */
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useLocation } from 'wouter';
import { BackendBadge } from './backend-badge';
import { type IconName, NavIcon } from '../components/nav-icon';
import { APP_PATHS } from '../lib/app-paths';

/** The shortcuts and their ? key arrive just after the first paint, out of the first page's code. */
const ShortcutsButton = lazy(() => import('./shortcuts-button'));

const NAV: ReadonlyArray<{ path: string; label: string; icon: IconName }> = [
  { path: APP_PATHS.create, label: 'Create', icon: 'create' },
  { path: APP_PATHS.transform, label: 'Transform', icon: 'transform' },
  { path: APP_PATHS.animate, label: 'Animate', icon: 'animate' },
  { path: APP_PATHS.gallery, label: 'Gallery', icon: 'gallery' },
  { path: APP_PATHS.settings, label: 'Settings', icon: 'settings' },
];

function isCurrent(location: string, path: string): boolean {
  if (path === '/') return location === '/' || location === '/create';
  return location === path || location.startsWith(`${path}/`);
}

/** `queue` is the queue's indicator, shown after the links. */
export function Layout({ children, queue }: { children: ReactNode; queue?: ReactNode }) {
  const [location] = useLocation();
  return (
    <div className="flex h-full flex-col lg:flex-row">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        Skip to content
      </a>
      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-panel lg:static lg:flex lg:w-24 lg:shrink-0 lg:flex-col lg:border-r lg:border-t-0"
      >
        <p className="hidden px-2 pb-2 pt-4 text-center text-sm font-bold tracking-tight lg:block">AiArt</p>
        <ul className="flex justify-around lg:flex-col lg:gap-1 lg:px-2">
          {NAV.map(({ path, label, icon }) => {
            const current = isCurrent(location, path);
            return (
              <li key={path}>
                <Link
                  href={path}
                  aria-current={current ? 'page' : undefined}
                  className={`flex min-h-11 min-w-14 flex-col items-center justify-center gap-0.5 rounded-lg px-2 py-1.5 text-[11px] font-medium ${
                    current ? 'bg-raised text-fg' : 'text-muted hover:bg-raised/60 hover:text-fg'
                  }`}
                >
                  <NavIcon name={icon} />
                  {label}
                </Link>
              </li>
            );
          })}
          {queue && <li>{queue}</li>}
        </ul>
        <div className="lg:mt-auto lg:flex lg:flex-col lg:gap-1 lg:p-2">
          <Suspense fallback={<div className="hidden h-9 lg:block" />}>
            <ShortcutsButton />
          </Suspense>
          <div className="hidden lg:block">
            <BackendBadge />
          </div>
        </div>
      </nav>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 overflow-y-auto pb-20 lg:pb-0">
        <div className="border-b border-line px-4 py-2 lg:hidden">
          <BackendBadge compact />
        </div>
        {children}
      </main>
    </div>
  );
}
