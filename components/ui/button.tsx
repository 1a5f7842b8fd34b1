import type { ButtonHTMLAttributes } from 'react';

type Variant = 'default' | 'ghost';

const variants: Record<Variant, string> = {
  default: 'border border-zinc-300 bg-white text-zinc-800 shadow-xs hover:bg-zinc-50',
  ghost: 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
};

export function Button({
  variant = 'default',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:opacity-50 ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
