'use client';

import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { createContext, useContext, type ReactNode } from 'react';
import { initialConnection, type ConnectionState } from './connection';
import { getQueryClient } from './query-client';
import { useInventoryStream } from './use-inventory-stream';

const ConnectionContext = createContext<ConnectionState>(initialConnection);

/** The state of the tab's live stream (live / reconnecting / stale since …). */
export function useConnection(): ConnectionState {
  return useContext(ConnectionContext);
}

function StreamProvider({ children }: { children: ReactNode }) {
  const connection = useInventoryStream(useQueryClient());
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

/** Everything the browser side needs, mounted once in the root layout. */
export function Providers({ children }: { children: ReactNode }) {
  const client = getQueryClient();
  return (
    <QueryClientProvider client={client}>
      <NuqsAdapter>
        <StreamProvider>{children}</StreamProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
