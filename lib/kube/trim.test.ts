import { describe, expect, it } from 'vitest';
import { trimEvent, trimGateway, trimService } from './trim';

const managedFields = [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:ports': {} } } }];

describe('trimming', () => {
  it('drops managedFields, the last-applied annotation and fields the dashboard does not read', () => {
    const raw = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'jellyfin',
        namespace: 'media',
        resourceVersion: '42',
        managedFields,
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"huge":"json"}',
          'lbipam.cilium.io/ips': '192.168.0.224',
        },
        selfLink: '/api/v1/namespaces/media/services/jellyfin',
      },
      spec: {
        type: 'LoadBalancer',
        ports: [{ port: 8096, protocol: 'TCP' }],
        sessionAffinity: 'None',
        clusterIP: '10.0.0.9',
      },
      status: { loadBalancer: { ingress: [{ ip: '192.168.0.224' }] } },
    };
    const svc = trimService(raw);
    expect(svc).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'jellyfin',
        namespace: 'media',
        resourceVersion: '42',
        annotations: { 'lbipam.cilium.io/ips': '192.168.0.224' },
      },
      spec: { type: 'LoadBalancer', ports: [{ port: 8096, protocol: 'TCP' }], clusterIP: '10.0.0.9' },
      status: { loadBalancer: { ingress: [{ ip: '192.168.0.224' }] } },
    });
    expect(JSON.stringify(svc)).not.toContain('managedFields');
  });

  it('removes the annotations map when last-applied was its only entry', () => {
    const svc = trimService({
      metadata: { name: 'a', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      spec: {},
    });
    expect(svc.metadata).toEqual({ name: 'a' });
  });

  it('keeps only the listener fields of a Gateway and survives a missing spec', () => {
    const gw = trimGateway({
      metadata: { name: 'gw', namespace: 'net' },
      spec: {
        gatewayClassName: 'cilium',
        listeners: [{ name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: {} }],
      },
    });
    expect(gw.spec.listeners).toEqual([{ name: 'http', protocol: 'HTTP', port: 80 }]);
    expect(trimGateway({ metadata: { name: 'x' } }).spec.gatewayClassName).toBe('');
  });

  it('keeps the involved object of an Event', () => {
    const ev = trimEvent({
      metadata: { name: 'e1', namespace: 'media', managedFields },
      involvedObject: { kind: 'Service', name: 'jellyfin', namespace: 'media', fieldPath: 'x' },
      reason: 'IPAllocated',
      count: 2,
    });
    expect(ev).toEqual({
      metadata: { name: 'e1', namespace: 'media' },
      involvedObject: { kind: 'Service', name: 'jellyfin', namespace: 'media' },
      reason: 'IPAllocated',
      count: 2,
    });
  });
});
