import Link from 'next/link';

export default function NotFound() {
  return (
    <div data-testid="not-found" className="mx-auto mt-16 flex max-w-xl flex-col gap-3 px-6">
      <p className="text-sm font-semibold tracking-tight text-zinc-500">LB-IPAM</p>
      <h1 className="text-base font-semibold text-zinc-900">There is no such page</h1>
      <p className="text-sm text-zinc-600">
        The dashboard has an overview, the addresses of every pool, pools, alerts and nodes.
      </p>
      <p>
        <Link href="/" className="text-sm font-medium text-sky-700 hover:underline">
          ← Overview
        </Link>
      </p>
    </div>
  );
}
