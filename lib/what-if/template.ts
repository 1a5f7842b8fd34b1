import { stringify } from 'yaml';
import type { KubeObject } from '../cilium/objects';

// The object as an operator would edit it: what they wrote (apiVersion, kind, name, labels,
// annotations, spec), never what the API server or Cilium added (status, uid, resourceVersion).

export function editableManifest(obj: KubeObject & { spec?: unknown }): string {
  const { name, namespace, labels, annotations } = obj.metadata;
  const metadata: Record<string, unknown> = { name };
  if (namespace) metadata.namespace = namespace;
  if (labels && Object.keys(labels).length > 0) metadata.labels = labels;
  if (annotations && Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return stringify({ apiVersion: obj.apiVersion, kind: obj.kind, metadata, spec: obj.spec ?? {} });
}
