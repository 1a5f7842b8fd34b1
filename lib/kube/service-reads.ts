import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterState } from '../cilium/cluster-state';
import { eventViews } from '../inventory/cluster-views';
import type { EventView } from '../inventory/types';
import { KubeApiError, toKubeApiError } from './errors';
import { kubeGetJson } from './http';
import { objectYaml } from './object-yaml';
import { trimEvent } from './trim';

// Read on demand for the IP page, straight from the API server (plain GETs, nothing watched): one
// Service as YAML, and its Events. The watched events source keeps only the newest 200 of the
// whole cluster, so one Service's history is asked for by field selector, as `kubectl describe` does.

const TIMEOUT_MS = 5_000;
/** "Recent": the newest few, as `kubectl describe` lists them. */
export const MAX_EVENTS = 20;

const seg = encodeURIComponent;

/** The words the page shows for a failed read (a 403 is "no permission", not a crash). */
export function readFailure(err: unknown, what: string): string {
  const e = err instanceof KubeApiError ? err : toKubeApiError(err);
  if (e.isForbidden) return `no permission to read ${what} (${e.message})`;
  if (e.isNotFound) return `${what}: not found (it may just have been deleted)`;
  return `could not read ${what}: ${e.message}`;
}

export async function serviceYaml(kc: KubeConfig, namespace: string, name: string): Promise<string> {
  const raw = await kubeGetJson(kc, `/api/v1/namespaces/${seg(namespace)}/services/${seg(name)}`, {
    timeoutMs: TIMEOUT_MS,
  });
  return objectYaml(raw);
}

export async function serviceEvents(
  kc: KubeConfig,
  namespace: string,
  name: string,
): Promise<{ events: EventView[]; total: number }> {
  const selector = seg(`involvedObject.kind=Service,involvedObject.name=${name}`);
  const list = (await kubeGetJson(
    kc,
    `/api/v1/namespaces/${seg(namespace)}/events?fieldSelector=${selector}`,
    {
      timeoutMs: TIMEOUT_MS,
    },
  )) as { items?: unknown[] };
  const all = eventViews((Array.isArray(list?.items) ? list.items : []).map(trimEvent));
  return { events: all.slice(0, MAX_EVENTS), total: all.length };
}

/** How the IP page reads one Service's YAML and Events: from the API server, or from a snapshot. */
export interface ServiceReads {
  yaml(namespace: string, name: string): Promise<string>;
  events(namespace: string, name: string): Promise<{ events: EventView[]; total: number }>;
}

export const liveServiceReads = (kc: KubeConfig): ServiceReads => ({
  yaml: (namespace, name) => serviceYaml(kc, namespace, name),
  events: (namespace, name) => serviceEvents(kc, namespace, name),
});

/**
 * A snapshot has no API server behind it: the Service as the snapshot kept it (trimmed, as the
 * dashboard reads it), and the Events about it among the ones it kept (the newest of the cluster).
 */
export function snapshotServiceReads(state: ClusterState): ServiceReads {
  return {
    yaml: async (namespace, name) => {
      const svc = state.services.find(
        (s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === namespace,
      );
      if (!svc)
        throw new KubeApiError(404, 'NotFound', `Service ${namespace}/${name} is not in the snapshot`);
      return objectYaml(svc);
    },
    events: async (namespace, name) => {
      const about = state.events.filter(
        (e) =>
          e.involvedObject?.kind === 'Service' &&
          e.involvedObject.name === name &&
          (e.involvedObject.namespace ?? e.metadata.namespace) === namespace,
      );
      const all = eventViews(about);
      return { events: all.slice(0, MAX_EVENTS), total: all.length };
    },
  };
}
