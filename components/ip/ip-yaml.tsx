import type { IpServiceExtras } from '@/lib/inventory/view/ip-detail-wire';
import { CodeBlock } from '../ui/code-block';
import { Panel } from '../ui/panel';

/** Each Service as `kubectl get -o yaml` shows it, without managedFields; folded until asked for. */
export function IpYaml({ services, pending }: { services: IpServiceExtras[]; pending: boolean }) {
  return (
    <Panel id="ip-yaml" title="YAML">
      {services.length === 0 ? (
        <p role="status" className="px-4 py-2 text-xs text-zinc-500">
          {pending ? 'Reading the Service…' : 'No Services to show.'}
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {services.map((e) => (
            <li key={e.key} className="px-4 py-2">
              <details data-testid="ip-yaml" data-service={e.key}>
                <summary className="cursor-pointer text-xs text-zinc-700 focus-visible:outline-2 focus-visible:outline-sky-600">
                  Service <span className="font-mono">{e.key}</span>
                </summary>
                <div className="mt-2">
                  {e.yaml ? (
                    <CodeBlock code={e.yaml} label={`YAML of Service ${e.key}`} />
                  ) : (
                    <p role="alert" className="text-xs text-rose-800">
                      {e.yamlError ?? 'not read'}
                    </p>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
