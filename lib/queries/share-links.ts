'use client';

import { useMutation } from '@tanstack/react-query';
import { postJson } from './post';

// Signed share links are minted by the server (it holds the secret); the browser only asks.

export interface MintedLink {
  /** `/s/<token>` on this dashboard. */
  url: string;
  view: string;
  expiresAt: string;
}

export async function mintShareLink(view: string, ttlSeconds?: number): Promise<MintedLink> {
  return postJson<MintedLink>('/api/share-links', { view, ...(ttlSeconds && { ttlSeconds }) });
}

export const useMintShareLink = () =>
  useMutation({
    mutationFn: ({ view, ttlSeconds }: { view: string; ttlSeconds?: number }) =>
      mintShareLink(view, ttlSeconds),
  });
