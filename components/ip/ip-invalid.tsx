import Link from 'next/link';

/** /ips/<not an address>: what is wrong with it, and where to go instead. Never a crash. */
export function IpInvalid({ input, error }: { input: string; error: string }) {
  return (
    <div
      role="alert"
      data-testid="ip-invalid"
      className="rounded-lg border border-amber-200 bg-amber-50 px-6 py-8"
    >
      <h1 className="text-sm font-semibold text-amber-950">
        <span className="font-mono">{input || '(empty)'}</span> is not an address this page can show
      </h1>
      <p data-testid="ip-invalid-reason" className="mt-1 text-sm text-amber-900">
        {error}.
      </p>
      <p className="mt-3 text-sm">
        <Link href="/addresses" className="text-sky-700 hover:underline">
          ← Every address
        </Link>
      </p>
    </div>
  );
}
