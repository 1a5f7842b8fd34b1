import type { ReactNode } from 'react';

/** A titled surface. `aria-labelledby` ties the region to its heading for screen readers and tests. */
export function Panel({
  id,
  title,
  aside,
  children,
  className = '',
}: {
  id: string;
  title: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`rounded-lg border border-zinc-200 bg-white ${className}`}
    >
      <header className="flex items-center justify-between gap-3 border-b border-zinc-100 px-4 py-2">
        <h2 id={`${id}-title`} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
          {title}
        </h2>
        {aside}
      </header>
      {children}
    </section>
  );
}
