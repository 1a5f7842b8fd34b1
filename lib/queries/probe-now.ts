'use client';

import { useMutation } from '@tanstack/react-query';
import { postJson } from './post';

// "Probe now" asks the server's prober (or agent, or the demo's simulated segment) to probe one
// address once. The answer is also the new evidence the stream brings to every screen; the button
// shows the refusal (rate limit, not a pool address) in the server's words.

/** What the browser reads of the probe made (the rest arrives as the verdict). */
export interface ProbeNowAnswer {
  record: { ip: string; at: number; answers: { mac: string }[] };
}

export const useProbeNow = () =>
  useMutation({
    mutationFn: (ip: string) => postJson<ProbeNowAnswer>('/api/probe', { ip }),
  });
