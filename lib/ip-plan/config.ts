// The dashboard's config file, as far as it exists today: one YAML document whose `ipPlan:`
// section is the IP plan. Other top-level keys are left for the sections still to come (issue 11)
// and ignored here. Pure: the caller reads the file.
import { parse } from 'yaml';
import { z } from 'zod';
import { ipPlanSchema, type IpPlan } from './plan';

const configSchema = z.looseObject({ ipPlan: ipPlanSchema.optional() });

export class ConfigError extends Error {}

export function readDashboardConfig(text: string, file: string): { ipPlan: IpPlan } {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(
      `${file}: invalid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
  if (raw === null || raw === undefined) return { ipPlan: [] };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    throw new ConfigError(`${file}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { ipPlan: parsed.data.ipPlan ?? [] };
}
