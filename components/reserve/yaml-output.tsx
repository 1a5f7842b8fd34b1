'use client';

import Link from 'next/link';
import { ipHref } from '@/lib/inventory/view/links';
import type { ReserveForm, Target } from '@/lib/manifests/reserve/types';
import { useReserveApply, useReserveDryRun } from '@/lib/queries/reserve';
import { Button } from '../ui/button';
import { CodeBlock } from '../ui/code-block';

function download(yaml: string, file: string) {
  const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The generated YAML (only once the form is valid), with copy, download, dry run and apply. */
export function YamlOutput({
  yaml,
  form,
  target,
  name,
  readOnly,
  satisfied,
  blocked = null,
}: {
  yaml: string;
  form: ReserveForm;
  target: Target;
  name: string;
  readOnly: boolean;
  satisfied: boolean;
  /** Why the LAN forbids applying (a foreign device answers for the address), or null. */
  blocked?: string | null;
}) {
  const dryRun = useReserveDryRun();
  const apply = useReserveApply();
  const isObject = target !== 'app-template';
  const file = target === 'app-template' ? `${name}-values.yaml` : `${name}.yaml`;
  const applied = apply.data;
  return (
    <div className="flex flex-col gap-2">
      {blocked ? (
        <p
          data-testid="reserve-blocked"
          role="alert"
          className="rounded border border-rose-200 bg-rose-50 px-2 py-1 text-xs text-rose-800"
        >
          Blocked by the LAN: {blocked}.
        </p>
      ) : null}
      <CodeBlock code={yaml} label="Generated YAML" />
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => download(yaml, file)}>Download {file}</Button>
        {isObject ? (
          <Button onClick={() => dryRun.mutate(form)} disabled={dryRun.isPending}>
            {dryRun.isPending ? 'Asking the API server…' : 'Dry run on the cluster'}
          </Button>
        ) : null}
        {isObject ? (
          <Button
            data-testid="reserve-apply"
            onClick={() => apply.mutate(form)}
            disabled={readOnly || !satisfied || blocked !== null || apply.isPending}
            title={
              readOnly
                ? 'Writing to this cluster is off (LBIPAM_ALLOW_WRITES=1 enables it)'
                : blocked
                  ? `Not while ${blocked}`
                  : satisfied
                    ? 'Create it in the cluster'
                    : 'Nothing to apply: Cilium would not give it the address, or it is already in the cluster'
            }
            className="!bg-zinc-900 !text-white hover:!bg-zinc-800"
          >
            {apply.isPending
              ? 'Applying…'
              : target === 'placeholder'
                ? 'Reserve in the cluster'
                : 'Apply to the cluster'}
          </Button>
        ) : (
          <span className="text-xs text-zinc-500">Helm values: commit them to the HelmRelease.</span>
        )}
        {readOnly && isObject ? (
          <span className="text-xs text-zinc-500">Writing to this cluster is off.</span>
        ) : null}
      </div>
      {dryRun.error ? (
        <p role="alert" className="text-xs text-rose-700">
          {dryRun.error.message}
        </p>
      ) : null}
      {dryRun.data ? (
        <p
          data-testid="reserve-dry-run"
          data-ok={dryRun.data.dryRun.ok}
          className={`text-xs ${dryRun.data.dryRun.ok ? 'text-emerald-800' : 'text-rose-800'}`}
        >
          API server (dry run): {dryRun.data.dryRun.ok ? '' : `${dryRun.data.dryRun.reason ?? 'refused'} — `}
          {dryRun.data.dryRun.message}
        </p>
      ) : null}
      {apply.error ? (
        <p role="alert" className="text-xs text-rose-700">
          {apply.error.message}
        </p>
      ) : null}
      {applied ? (
        applied.state === 'created' ? (
          <p data-testid="reserve-applied" className="text-xs text-emerald-800">
            Created {applied.object}
            {applied.ips.length > 0 ? (
              <>
                {' '}
                — Cilium gave it{' '}
                {applied.ips.map((ip) => (
                  <Link key={ip} href={ipHref(ip)} className="font-mono underline">
                    {ip}
                  </Link>
                ))}
              </>
            ) : (
              '; Cilium has not answered yet'
            )}
            .
          </p>
        ) : (
          <p role="alert" data-testid="reserve-refused" className="text-xs text-rose-800">
            {applied.error}
          </p>
        )
      ) : null}
    </div>
  );
}
