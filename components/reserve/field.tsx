import type { ReactNode } from 'react';

/** A labelled form field with its inline error (aria-describedby ties the message to the input). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className = '',
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-zinc-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} data-testid={`error-${id}`} className="text-xs text-rose-700">
          {error}
        </p>
      ) : hint ? (
        <p className="text-[11px] text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}

export const inputClass = (invalid: boolean) =>
  `w-full rounded border bg-white px-1.5 py-1 font-mono text-xs text-zinc-900 focus:outline-none focus:ring-1 ${
    invalid
      ? 'border-rose-400 focus:ring-rose-500'
      : 'border-zinc-300 focus:border-sky-600 focus:ring-sky-600'
  }`;
