import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './protobuf';
import { apiError } from './testing/api-error';

// Bodies captured from kubectl 1.32 (`kubectl create namespace foo`, `kubectl create service
// loadbalancer web -n media --tcp=80:8080,443:https`): Go's protobuf sends every zero field.
const SERVICE =
  'azhzAAoNCgJ2MRIHU2VydmljZRKVAQokCgN3ZWISABoFbWVkaWEiACoAMgA4AEIAWgoKA2FwcBIDd2ViEmkKGwoHODAtODA4MBIDVENQGFAiBwgAEJA/GgAoAAoiCgk0NDMtaHR0cHMSA1RDUBi7AyILCAEQABoFaHR0cHMoABIKCgNhcHASA3dlYhoAIgxMb2FkQmFsYW5jZXI6AEIAUgBaAGAAaAAaAgoAGgAiAA==';
const NAMESPACE = 'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEhsKEwoDZm9vEgAaACIAKgAyADgAQgASABoCCgAaACIA';

describe('Kubernetes protobuf bodies', () => {
  it("decodes kubectl's Namespace and Service into the JSON kubectl would have sent", () => {
    expect(decodeKubernetesProtobuf(Buffer.from(NAMESPACE, 'base64'))).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'foo' },
      spec: {},
    });
    expect(decodeKubernetesProtobuf(Buffer.from(SERVICE, 'base64'))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'media', labels: { app: 'web' } },
      spec: {
        ports: [
          { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 },
          { name: '443-https', protocol: 'TCP', port: 443, targetPort: 'https' },
        ],
        selector: { app: 'web' },
        type: 'LoadBalancer',
      },
    });
  });

  it('answers garbage with 400 and kinds it has no field table for with 415, never a throw of another kind', () => {
    expect(apiError(() => decodeKubernetesProtobuf(Buffer.from('{"kind":"Service"}'))).code).toBe(400);
    const truncated = Buffer.from(SERVICE, 'base64').subarray(0, 40);
    expect(apiError(() => decodeKubernetesProtobuf(truncated)).message).toMatch(/^protobuf body: truncated/);
    // runtime.Unknown{typeMeta: {apiVersion: "v1", kind: "Secret"}}
    const secret = Buffer.concat([
      Buffer.from('k8s\0', 'latin1'),
      Buffer.from([0x0a, 0x0c, 0x0a, 0x02, 0x76, 0x31, 0x12, 0x06]),
      Buffer.from('Secret'),
    ]);
    const err = apiError(() => decodeKubernetesProtobuf(secret));
    expect([err.code, err.message]).toEqual([
      415,
      'protobuf bodies are only understood for v1 Namespace and Service here, not "v1/Secret": send application/json',
    ]);
  });
});
