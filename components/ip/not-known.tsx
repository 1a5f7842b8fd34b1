/**
 * A fact the dashboard has no data for (the cluster does not serve it, or the data path does not
 * read it yet): said plainly, never shown as "none".
 */
export function NotKnown({ what }: { what: string }) {
  return (
    <span
      data-testid="not-known"
      className="font-sans text-zinc-400"
      title={`The dashboard does not know the ${what} here`}
    >
      not known
    </span>
  );
}
