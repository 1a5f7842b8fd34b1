'use client';

import { useState } from 'react';
import { Button } from './button';
import { copyText } from './copy-text';

/** Preformatted text (YAML, commands) with a copy button. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void copyText(code).then((ok) => {
      setCopied(ok);
      if (ok) setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <div className="relative">
      <pre
        aria-label={label}
        className="overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-5 text-zinc-100"
      >
        {code}
      </pre>
      <Button
        variant="ghost"
        onClick={copy}
        className="absolute right-1.5 top-1.5 !text-zinc-300 hover:!bg-zinc-800"
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
