import type { Tone } from '../ui/badge';

// Words and tones of the GitOps page, as data.
export const SEVERITY_TONE: Record<string, Tone> = { error: 'red', warning: 'amber' };

export const DRIFT_WORDS: Record<string, { label: string; tone: Tone }> = {
  'declared-not-live': { label: 'declared, not live', tone: 'amber' },
  'live-not-declared': { label: 'live, not declared', tone: 'violet' },
  'different-address': { label: 'different address', tone: 'red' },
};

export const PLAN_TONE: Record<string, Tone> = {
  satisfied: 'green',
  pending: 'red',
  dormant: 'amber',
  unresolved: 'amber',
  'not-handled': 'neutral',
  unknown: 'neutral',
};

export const where = (p: { file: string; line: number }) => `${p.file}:${p.line}`;
