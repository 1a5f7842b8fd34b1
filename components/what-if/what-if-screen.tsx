'use client';

import { parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useL2Policies, useNodes, usePools } from '@/lib/queries/use-inventory';
import { useWhatIf, useWhatIfTemplate, type TemplateTarget } from '@/lib/queries/what-if';
import { NotShared } from '../shell/not-shared';
import { useShareMode } from '../shell/share-mode';
import { Button } from '../ui/button';
import { WhatIfResults } from './what-if-results';

const MODES = ['pool', 'policy', 'manifests'] as const;
type Mode = (typeof MODES)[number];
const MODE_LABEL: Record<Mode, string> = {
  pool: 'Edit a pool',
  policy: 'Edit an L2 policy',
  manifests: 'Paste manifests',
};

const EXAMPLE = `# Pools, Services and CiliumL2AnnouncementPolicies, as you would apply them.
# A document with the annotation lbipam.plan/delete: "true" deletes that object.
`;

const params = {
  mode: parseAsStringLiteral(MODES).withDefault('pool'),
  pool: parseAsString,
  policy: parseAsString,
  /** Nodes to drain, in the URL so a shared link asks the same question (?drain=k8s-1,k8s-2). */
  drain: parseAsArrayOf(parseAsString).withDefault([]),
};

/** Which live pool or policy to start the edit from. */
function ObjectPicker({
  label,
  value,
  names,
  onChange,
}: {
  label: string;
  value: string | null;
  names: string[];
  onChange: (name: string) => void;
}) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-600">
      {label}
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        className="rounded border border-zinc-300 bg-white px-1.5 py-0.5 font-mono text-xs"
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Try an edit before applying it (left out of a shared view: it runs questions on the server). */
export function WhatIfScreen() {
  return useShareMode() ? <NotShared screen="What-if" /> : <WhatIf />;
}

/** Try an edit before applying it: Cilium's answer, computed on a copy of the cluster's state. */
function WhatIf() {
  const [{ mode, pool, policy, drain }, setParams] = useQueryStates(params, { history: 'replace' });
  const { data: pools = [] } = usePools();
  const { data: policies = [] } = useL2Policies();
  const { data: nodes = [] } = useNodes();
  // The operator's edits, per source (each pool, each policy, the free editor): switching keeps them.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const whatIf = useWhatIf();
  const editorId = useId();

  const chosenPool = pool ?? pools[0]?.name ?? null;
  const chosenPolicy = policy ?? policies[0]?.name ?? null;
  const target: TemplateTarget | null =
    mode === 'pool' && chosenPool
      ? { pool: chosenPool }
      : mode === 'policy' && chosenPolicy
        ? { policy: chosenPolicy }
        : null;
  const template = useWhatIfTemplate(target);
  const source =
    target === null ? 'manifests' : 'pool' in target ? `pool:${target.pool}` : `policy:${target.policy}`;
  const yaml = edits[source] ?? (target === null ? EXAMPLE : (template.data ?? ''));
  const setYaml = (text: string) => setEdits((e) => ({ ...e, [source]: text }));

  const run = () => whatIf.mutate({ manifests: yaml, drain });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  const onEditorKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };
  const toggleDrain = (name: string) =>
    void setParams({
      drain: drain.includes(name) ? drain.filter((n) => n !== name) : [...drain, name].sort(),
    });

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={onSubmit}
        aria-labelledby="what-if-title"
        className="rounded-lg border border-zinc-200 bg-white"
      >
        <header className="flex flex-wrap items-center gap-3 border-b border-zinc-100 px-4 py-2">
          <h1 id="what-if-title" className="text-sm font-semibold text-zinc-900">
            What-if
          </h1>
          <p className="text-xs text-zinc-500">
            Try a pool edit, an L2 policy edit, new manifests or a node drain: Cilium&apos;s answer, computed
            on a copy. Nothing is written to the cluster.
          </p>
        </header>
        <div className="grid gap-4 px-4 py-3 lg:grid-cols-[minmax(0,1fr)_16rem]">
          <div className="flex min-w-0 flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <div role="group" aria-label="What to try" className="flex gap-1 text-xs">
                {MODES.map((m) => (
                  <button
                    key={m}
                    type="button"
                    aria-pressed={mode === m}
                    onClick={() => void setParams({ mode: m })}
                    className={`rounded px-2 py-0.5 ${mode === m ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100'}`}
                  >
                    {MODE_LABEL[m]}
                  </button>
                ))}
              </div>
              {mode === 'pool' ? (
                <ObjectPicker
                  label="Pool"
                  value={chosenPool}
                  names={pools.map((p) => p.name)}
                  onChange={(name) => void setParams({ pool: name })}
                />
              ) : null}
              {mode === 'policy' ? (
                <ObjectPicker
                  label="Policy"
                  value={chosenPolicy}
                  names={policies.map((p) => p.name)}
                  onChange={(name) => void setParams({ policy: name })}
                />
              ) : null}
              {template.isFetching ? (
                <span className="text-xs text-zinc-500">Loading the live object…</span>
              ) : null}
            </div>
            {template.error ? (
              <p role="alert" className="text-xs text-rose-700">
                {template.error.message}
              </p>
            ) : null}
            {(mode === 'pool' && pools.length === 0) || (mode === 'policy' && policies.length === 0) ? (
              <p className="text-xs text-zinc-500">
                This cluster has no {mode === 'pool' ? 'pools' : 'L2 announcement policies'}; paste one under
                “Paste manifests” to see what it would do.
              </p>
            ) : null}
            <label htmlFor={editorId} className="text-xs font-medium text-zinc-700">
              Manifests (YAML) <span className="font-normal text-zinc-500">· Ctrl+Enter runs</span>
            </label>
            <textarea
              id={editorId}
              value={yaml}
              onChange={(e) => setYaml(e.target.value)}
              onKeyDown={onEditorKey}
              spellCheck={false}
              rows={16}
              className="w-full resize-y rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs leading-5 text-zinc-900 focus:border-sky-600 focus:outline-none"
            />
          </div>
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-xs font-medium text-zinc-700">Drain nodes</legend>
            {nodes.length === 0 ? <p className="text-xs text-zinc-500">No nodes seen.</p> : null}
            {nodes.map((n) => (
              <label key={n.name} className="flex items-center gap-2 text-xs text-zinc-700">
                <input
                  type="checkbox"
                  checked={drain.includes(n.name)}
                  onChange={() => toggleDrain(n.name)}
                  className="accent-zinc-900"
                />
                <span className="font-mono">{n.name}</span>
                <span className="text-zinc-500">
                  {n.ready === false ? 'NotReady · ' : ''}announces {n.announcing.toLocaleString('en-US')}
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        <footer className="flex items-center gap-2 border-t border-zinc-100 px-4 py-2">
          <Button
            type="submit"
            disabled={whatIf.isPending}
            className="!bg-zinc-900 !text-white hover:!bg-zinc-800"
          >
            {whatIf.isPending ? 'Working it out…' : 'Run what-if'}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              void setParams({ drain: null });
              whatIf.reset();
              setEdits((e) => {
                const { [source]: _dropped, ...rest } = e;
                return rest;
              });
            }}
          >
            Reset
          </Button>
        </footer>
      </form>
      {whatIf.error ? (
        <div
          role="alert"
          data-testid="what-if-error"
          className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3"
        >
          <p className="text-sm font-medium text-rose-900">The proposal could not be tried</p>
          <p className="mt-0.5 font-mono text-xs text-rose-800">{whatIf.error.message}</p>
        </div>
      ) : null}
      {whatIf.data && !whatIf.error ? <WhatIfResults answer={whatIf.data} /> : null}
    </div>
  );
}
