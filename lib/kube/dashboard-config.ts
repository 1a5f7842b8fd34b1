import 'server-only';
import { readFileSync } from 'node:fs';
import { readDashboardConfig } from '../ip-plan/config';
import { DEMO_IP_PLAN, type IpPlan } from '../ip-plan/plan';

// The dashboard's config file (LBIPAM_CONFIG, set by `lbipam start --config PATH`), read once per
// process: `lbipam start` has already refused a file that does not read, so a failure here (the
// file changed under us) is reported by the caller rather than crashing a request. Without a file,
// the embedded demo gets the seed page's convention and any other cluster no plan.

let kept: { key: string; plan: IpPlan } | null = null;

export function loadIpPlan(env: Record<string, string | undefined> = process.env): IpPlan {
  const file = env.LBIPAM_CONFIG || '';
  const demo = env.LBIPAM_ORIGIN === 'embedded' && (env.LBIPAM_SEED ?? 'demo') === 'demo';
  const key = `${file}|${demo}`;
  if (kept?.key === key) return kept.plan;
  const plan = file ? readDashboardConfig(readFileSync(file, 'utf8'), file).ipPlan : demo ? DEMO_IP_PLAN : [];
  kept = { key, plan };
  return plan;
}
