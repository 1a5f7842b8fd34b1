'use client';

import { useMutation } from '@tanstack/react-query';
import { refusal } from './fetch-inventory';

// Signed share links are minted by the server (it holds the secret); the browser only asks.

export interface MintedLink {
  /** `/s/<token>` on this dashboard. */
  url: string;
  view: string;
  expiresAt: string;
}

export async function mintShareLink(view: string, ttlSeconds?: number): Promise<MintedLink> {
  const res = await fetch('/api/share-links', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ view, ...(ttlSeconds && { ttlSeconds }) }),
  });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as MintedLink;
}

export const useMintShareLink = () =>
  useMutation({
    mutationFn: ({ view, ttlSeconds }: { view: string; ttlSeconds?: number }) =>
      mintShareLink(view, ttlSeconds),
  });
