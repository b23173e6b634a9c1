/** A creation page's frame: the controls panel (about 360 px on desktop, on top on phones) and the results beside it. */
import type { ReactNode } from 'react';

interface WorkspaceProps {
  title: string;
  controls: ReactNode;
  /** The accessible name of the results region. */
  resultsLabel: string;
  children: ReactNode;
}

export function Workspace({ title, controls, resultsLabel, children }: WorkspaceProps) {
  const headingId = `${title.toLowerCase().replace(/\W+/g, '-')}-heading`;
  return (
    <div className="flex flex-col lg:h-full lg:flex-row">
      <section aria-labelledby={headingId} className="flex flex-col gap-5 border-b border-line bg-panel p-4 lg:w-[360px] lg:shrink-0 lg:overflow-y-auto lg:border-b-0 lg:border-r">
        <h1 id={headingId} className="text-lg font-semibold">
          {title}
        </h1>
        {controls}
      </section>
      <section id="results" aria-label={resultsLabel} className="min-w-0 flex-1 scroll-mt-2 p-4 lg:overflow-y-auto">
        {children}
      </section>
    </div>
  );
}

/** What the results area says before there are any. */
export function EmptyResults({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto mt-8 max-w-lg text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </div>
  );
}

/** The results as a grid of cards, newest first. */
export function ResultGrid<T extends { id: string }>({ items, render }: { items: readonly T[]; render(item: T): ReactNode }) {
  return (
    <ul className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      {items.map((item) => (
        <li key={item.id}>{render(item)}</li>
      ))}
    </ul>
  );
}
