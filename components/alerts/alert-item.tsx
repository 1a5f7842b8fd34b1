import type { Alert } from '@/lib/inventory/types';
import { Badge, type Tone } from '../ui/badge';

const tone: Record<Alert['severity'], Tone> = { error: 'red', warning: 'amber', info: 'blue' };
const bar: Record<Alert['severity'], string> = {
  error: 'border-l-rose-500',
  warning: 'border-l-amber-500',
  info: 'border-l-sky-500',
};

const subjectOf = (a: Alert) =>
  `${a.subject.kind} ${a.subject.namespace ? `${a.subject.namespace}/` : ''}${a.subject.name}`;

export function AlertItem({ alert }: { alert: Alert }) {
  return (
    <li
      data-testid="alert"
      data-severity={alert.severity}
      className={`border-l-2 px-4 py-2.5 ${bar[alert.severity]}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={tone[alert.severity]}>{alert.severity}</Badge>
        <h3 className="text-sm font-medium text-zinc-900">{alert.title}</h3>
        <span className="font-mono text-xs text-zinc-500">{subjectOf(alert)}</span>
      </div>
      <dl className="mt-1 grid gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[4rem_1fr]">
        <dt className="text-zinc-500">Why</dt>
        <dd data-testid="alert-detail" className="text-zinc-700">
          {alert.detail}
        </dd>
        {alert.fix ? (
          <>
            <dt className="text-zinc-500">Fix</dt>
            <dd data-testid="alert-fix" className="text-zinc-700">
              {alert.fix}
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
