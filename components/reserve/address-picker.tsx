'use client';

import { planFit, planRangeOf, type IpPlan } from '@/lib/ip-plan/plan';
import type { PoolView } from '@/lib/inventory/types';
import { useReserveChoices } from '@/lib/queries/reserve';
import { NOT_PROBED, type LanVerdict } from '@/lib/what-if/reserve-answers';
import { Button } from '../ui/button';
import { ProbeNowButton } from '../ip/probe-now-button';
import { Field, inputClass } from './field';

/** The LAN's verdict on the address (the probers', lib/inventory/arp); without a prober it says so. */
export function LanVerdictLine({ verdict = NOT_PROBED, ip }: { verdict?: LanVerdict; ip: string }) {
  const words =
    verdict.state === 'not-probed'
      ? `not probed — ${verdict.why}`
      : verdict.state === 'silent'
        ? 'nobody on the LAN answers for it'
        : verdict.state === 'node'
          ? `node ${verdict.node} answers (${verdict.mac})`
          : `a device with MAC ${verdict.mac}${verdict.vendor ? ` (${verdict.vendor})` : ''} answers for this address — pick another`;
  return (
    <p
      data-testid="lan-verdict"
      data-state={verdict.state}
      className="flex items-center gap-2 text-xs text-zinc-600"
    >
      <span className="font-medium text-zinc-700">LAN:</span> {words}
      {verdict.simulated ? <span className="text-zinc-400"> (simulated)</span> : null}
      {ip ? <ProbeNowButton ip={ip} /> : null}
    </p>
  );
}

/** Where an address sits in the IP plan, for the namespace it is meant for. */
function PlanNote({ plan, ip, namespace }: { plan: IpPlan; ip: string; namespace: string }) {
  if (!ip || plan.length === 0) return null;
  const r = planRangeOf(plan, ip);
  if (!r)
    return (
      <p data-testid="plan-note" className="text-xs text-zinc-500">
        Outside the IP plan — allowed; note it in the plan if it stays.
      </p>
    );
  const fit = planFit(r, namespace);
  return (
    <p data-testid="plan-note" className="text-xs text-zinc-600">
      In the plan: <span className="font-medium">{r.name}</span>
      {r.purpose ? ` — ${r.purpose}` : ''}
      {fit === 'other' ? ` (meant for ${r.namespaces.join(', ')}, not ${namespace})` : ''}
    </p>
  );
}

/**
 * Choose a pool, then an address: the one Cilium would hand out next, the IP plan's suggestions
 * for the namespace, any free address, or one typed.
 */
export function AddressPicker({
  pools,
  pool,
  ip,
  namespace,
  error,
  lan,
  onPool,
  onIp,
}: {
  pools: PoolView[];
  pool: string | null;
  ip: string;
  namespace: string;
  error?: string;
  /** The probe's verdict on the address, from the check (none yet: not probed). */
  lan?: LanVerdict;
  onPool: (pool: string) => void;
  onIp: (ip: string) => void;
}) {
  const choices = useReserveChoices(pool, namespace);
  const c = choices.data;
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3">
      <legend className="px-1 text-xs font-semibold text-zinc-700">Address</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field id="reserve-pool" label="Pool">
          <select
            id="reserve-pool"
            value={pool ?? ''}
            onChange={(e) => onPool(e.target.value)}
            className={inputClass(false)}
          >
            {pools.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} · {p.available} free{p.allocates ? '' : ' (not allocating)'}
              </option>
            ))}
          </select>
        </Field>
        <Field id="reserve-ip" label="Address" error={error} hint="Pick one below, or type one.">
          <input
            id="reserve-ip"
            value={ip}
            onChange={(e) => onIp(e.target.value)}
            placeholder="192.168.0.223"
            spellCheck={false}
            aria-invalid={!!error}
            aria-describedby={error ? 'reserve-ip-error' : undefined}
            className={inputClass(!!error)}
          />
        </Field>
      </div>
      {ip && !error ? <LanVerdictLine verdict={lan} ip={ip} /> : null}
      {choices.error ? (
        <p role="alert" className="text-xs text-rose-700">
          {choices.error.message}
        </p>
      ) : null}
      {c ? (
        <div className="flex flex-col gap-2 text-xs">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-zinc-600">Cilium would hand out next:</span>
            {c.next ? (
              <Button data-testid="use-next" onClick={() => onIp(c.next!)} aria-pressed={ip === c.next}>
                <span className="font-mono">{c.next}</span> use it
              </Button>
            ) : (
              <span className="text-zinc-500">nothing — the pool is full or not allocating</span>
            )}
          </div>
          {c.suggestions.length > 0 ? (
            <div className="flex flex-wrap items-center gap-1.5" data-testid="plan-suggestions">
              <span className="text-zinc-600">IP plan for {namespace}:</span>
              {c.suggestions.map((s) => (
                <button
                  key={s.ip}
                  type="button"
                  onClick={() => onIp(s.ip)}
                  aria-pressed={ip === s.ip}
                  title={`${s.range}${s.purpose ? ` — ${s.purpose}` : ''}`}
                  className={`rounded border px-1.5 py-0.5 font-mono ${
                    ip === s.ip
                      ? 'border-zinc-900 bg-zinc-900 text-white'
                      : s.fit === 'namespace'
                        ? 'border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100'
                        : 'border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50'
                  }`}
                >
                  {s.ip} <span className="font-sans text-[10px] opacity-75">{s.range}</span>
                </button>
              ))}
            </div>
          ) : null}
          <label className="flex flex-wrap items-center gap-2 text-zinc-600">
            Any free address:
            <select
              data-testid="any-free"
              value={c.free.includes(ip) ? ip : ''}
              onChange={(e) => e.target.value && onIp(e.target.value)}
              className="rounded border border-zinc-300 bg-white px-1.5 py-0.5 font-mono text-xs"
            >
              <option value="">{c.free.length === 0 ? 'none free' : 'choose…'}</option>
              {c.free.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
            {c.freeMore !== '0' ? (
              <span className="text-zinc-500">and {c.freeMore} more (type one)</span>
            ) : null}
          </label>
          <PlanNote plan={c.plan} ip={ip} namespace={namespace} />
        </div>
      ) : choices.isLoading ? (
        <p className="text-xs text-zinc-500">Reading the pool…</p>
      ) : null}
    </fieldset>
  );
}
