import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { objectYaml, trimmedObject } from './object-yaml';

describe('an object as the IP page shows its YAML', () => {
  const raw = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name: 'jellyfin',
      namespace: 'media',
      selfLink: '/api/v1/namespaces/media/services/jellyfin',
      managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': {} } }],
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"big":"copy"}',
        'lbipam.cilium.io/sharing-key': 'media',
      },
      labels: { app: 'jellyfin' },
    },
    spec: { type: 'LoadBalancer', ports: [{ port: 8096 }] },
    status: { loadBalancer: { ingress: [{ ip: '192.168.0.226' }] } },
  };

  it('drops managedFields, selfLink and the last-applied copy; keeps spec, status and the other annotations', () => {
    const t = trimmedObject(raw);
    expect(Object.keys(t)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(t.metadata).toEqual({
      name: 'jellyfin',
      namespace: 'media',
      labels: { app: 'jellyfin' },
      annotations: { 'lbipam.cilium.io/sharing-key': 'media' },
    });
    const yaml = objectYaml(raw);
    expect(yaml).not.toMatch(/managedFields|last-applied|selfLink/);
    expect(parse(yaml)).toMatchObject({ status: { loadBalancer: { ingress: [{ ip: '192.168.0.226' }] } } });
  });

  it('an object whose only annotation was last-applied has no annotations left; junk stays harmless', () => {
    const t = trimmedObject({
      ...raw,
      metadata: { name: 'x', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    });
    expect(t.metadata).toEqual({ name: 'x' });
    expect(trimmedObject('nope')).toEqual({});
    expect(trimmedObject({ kind: 'Service', metadata: 'odd' })).toEqual({ kind: 'Service' });
  });
});
