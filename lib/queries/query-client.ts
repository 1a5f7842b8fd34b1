import { QueryClient, defaultShouldDehydrateQuery, isServer } from '@tanstack/react-query';

// TanStack Query's App Router recipe: one client per request on the server (requests must not
// share data), one singleton in the browser (so a Suspense remount does not drop the cache).

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: 1 },
      dehydrate: {
        // Ship pending queries too, so a prefetch that has not resolved still streams to the client.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
