'use client';

import { lanBlocks } from '@/lib/what-if/reserve-answers';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { describeSelector } from '@/lib/cilium/selector';
import { errorFor, readReserveForm } from '@/lib/manifests/reserve/form';
import { reserveYaml } from '@/lib/manifests/reserve/generate';
import { TARGETS, TARGET_LABEL, type FormField, type ReserveForm } from '@/lib/manifests/reserve/types';
import { useReserveCheck } from '@/lib/queries/reserve';
import { useMeta, usePools } from '@/lib/queries/use-inventory';
import { AddressPicker } from './address-picker';
import { CheckResult } from './check-result';
import { Field, inputClass } from './field';
import { DEFAULT_PORTS, reserveParams, urlKeys } from './form-params';
import { useDebounced } from './use-debounced';

/** How the inventory words a pool that selects every Service. */
const ALL_SERVICES = describeSelector(null);
import { YamlOutput } from './yaml-output';

/**
 * Reserve an IP (issue 8): a form that writes the YAML people paste by hand today, checked against
 * Cilium (the engine's what-if on the live state) before it leaves the browser. Every field is in
 * the URL; invalid input gets a message on its field and no YAML.
 */
export function ReserveScreen() {
  const [params, setParams] = useQueryStates(reserveParams, { history: 'replace', urlKeys });
  const { data: pools = [] } = usePools();
  const { data: meta } = useMeta();
  // By default the pool a new Service lands in: one that allocates and selects every Service.
  const pool =
    params.pool ??
    (
      pools.find((p) => p.allocates && p.serviceSelector === ALL_SERVICES) ??
      pools.find((p) => p.allocates) ??
      pools[0]
    )?.name ??
    null;
  const form: ReserveForm = useMemo(
    () => ({ ...params, pool: pool ?? '', ports: params.ports || DEFAULT_PORTS[params.target] }),
    [params, pool],
  );
  const read = useMemo(() => readReserveForm(form), [form]);
  const errors = read.ok ? [] : read.errors;
  const yaml = read.ok ? reserveYaml(read.input) : null;
  const checked = useDebounced(read.ok ? form : null, 250);
  const check = useReserveCheck(checked);
  // The previous answer stays while the next is asked (dimmed); apply waits for the current one.
  const answer = read.ok ? check.data?.check : undefined;
  const current = checked === form && !check.isFetching && !check.isPlaceholderData;

  const set = (field: FormField) => (value: string) =>
    void setParams({ [field]: value } as Partial<typeof params>);
  const text = (field: FormField, label: string, opts: { hint?: string; placeholder?: string } = {}) => {
    const id = `reserve-${field}`;
    const error = errorFor(errors, field);
    return (
      <Field id={id} label={label} hint={opts.hint} error={error}>
        <input
          id={id}
          value={(form[field] as string | undefined) ?? ''}
          onChange={(e) => set(field)(e.target.value)}
          placeholder={opts.placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          className={inputClass(!!error)}
        />
      </Field>
    );
  };
  const target = params.target;

  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="reserve-title" className="rounded-lg border border-zinc-200 bg-white">
        <header className="flex flex-wrap items-center gap-3 border-b border-zinc-100 px-4 py-2">
          <h1 id="reserve-title" className="text-sm font-semibold text-zinc-900">
            Reserve an IP
          </h1>
          <p className="text-xs text-zinc-500">
            Choose an address, describe what claims it, and get the YAML — checked against Cilium before you
            apply it. The form lives in the URL: share it to hand over the reservation.
          </p>
        </header>
        <div className="grid gap-4 px-4 py-3 xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
          <form
            className="flex min-w-0 flex-col gap-3"
            onSubmit={(e) => e.preventDefault()}
            aria-label="Reservation"
          >
            <div role="group" aria-label="What to generate" className="flex flex-wrap gap-1 text-xs">
              {TARGETS.map((t) => (
                <button
                  key={t}
                  type="button"
                  aria-pressed={target === t}
                  onClick={() => void setParams({ target: t })}
                  className={`rounded px-2 py-0.5 ${target === t ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100'}`}
                >
                  {TARGET_LABEL[t]}
                </button>
              ))}
            </div>
            <AddressPicker
              pools={pools}
              pool={pool}
              ip={params.ip}
              namespace={params.namespace}
              error={errorFor(errors, 'ip')}
              lan={answer?.lan}
              onPool={set('pool')}
              onIp={set('ip')}
            />
            <div className="grid gap-2 sm:grid-cols-2">
              {text(
                'name',
                target === 'gateway'
                  ? 'Gateway name'
                  : target === 'placeholder'
                    ? 'Reserved for (name)'
                    : 'Name',
                {
                  placeholder: 'my-app',
                },
              )}
              {text('namespace', 'Namespace')}
            </div>
            {text('ports', target === 'gateway' ? 'Listeners' : 'Ports', {
              hint:
                target === 'gateway'
                  ? 'name=port/PROTOCOL, comma-separated: https=443/HTTPS, http=80/HTTP'
                  : 'name=port/PROTOCOL, comma-separated: http=8080/TCP, mdns=5353/UDP',
            })}
            {text(
              'labels',
              target === 'gateway' ? 'Labels (on the Service Envoy Gateway creates)' : 'Labels',
              {
                hint: 'key=value, comma-separated; pool and L2 policy selectors match them',
              },
            )}
            {target === 'gateway' ? text('gatewayClass', 'GatewayClass', { placeholder: 'envoy' }) : null}
            {target === 'app-template' ? (
              <div className="grid gap-2 sm:grid-cols-2">
                {text('serviceId', 'Service id (service.<id>)', { placeholder: 'app' })}
                {text('controller', 'Controller', { placeholder: params.name || 'the name' })}
              </div>
            ) : null}
            {target === 'placeholder'
              ? text('purpose', 'What it is for', { placeholder: 'Frigate NVR' })
              : null}
            <details
              className="rounded-md border border-zinc-200 px-3 py-2"
              open={!!(params.etp || params.lbClass || params.sharingKey)}
            >
              <summary className="cursor-pointer text-xs font-medium text-zinc-700">
                Traffic policy, class and sharing
              </summary>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {target !== 'gateway' ? (
                  <Field id="reserve-etp" label="externalTrafficPolicy" error={errorFor(errors, 'etp')}>
                    <select
                      id="reserve-etp"
                      value={params.etp}
                      onChange={(e) => set('etp')(e.target.value)}
                      className={inputClass(false)}
                    >
                      <option value="">unset (Cluster)</option>
                      <option value="Cluster">Cluster</option>
                      <option value="Local">Local</option>
                    </select>
                  </Field>
                ) : null}
                {target !== 'gateway'
                  ? text('lbClass', 'loadBalancerClass', {
                      placeholder: 'unset: LB-IPAM',
                      hint: 'e.g. io.cilium/l2-announcer',
                    })
                  : null}
                {text('sharingKey', 'Sharing key', { hint: 'Services with one key may share an address' })}
                {text('shareWith', 'Share across namespaces', { hint: 'namespaces, comma-separated, or *' })}
              </div>
            </details>
          </form>
          <div className="flex min-w-0 flex-col gap-3">
            {yaml ? (
              <>
                <CheckResult check={answer} checking={!current} error={check.error} />
                <YamlOutput
                  yaml={yaml}
                  form={form}
                  target={target}
                  name={params.name}
                  readOnly={meta?.cluster.readOnly ?? true}
                  satisfied={answer?.verdict === 'satisfied' && !answer.exists && current}
                  blocked={answer ? lanBlocks(answer.lan, params.ip) : null}
                />
              </>
            ) : (
              <p
                data-testid="reserve-no-yaml"
                className="rounded-md border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500"
              >
                {errors.length === 1 && errors[0].field === 'ip' && !params.ip
                  ? 'Choose an address to see the YAML.'
                  : `Fix ${errors.length === 1 ? 'the field' : `the ${errors.length} fields`} marked on the left to see the YAML.`}
              </p>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}
