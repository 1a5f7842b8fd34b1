import { describe, expect, it } from 'vitest';
import { displayServer } from './server-url';

describe('displayServer', () => {
  it('drops user info, query and fragment', () => {
    expect(displayServer('http://user:pass@10.0.0.1:6443/?token=abc#x')).toBe('http://10.0.0.1:6443');
    expect(displayServer('https://admin@k8s.example:6443/prefix?token=s3cret')).toBe(
      'https://k8s.example:6443/prefix',
    );
  });

  it('leaves a plain URL as the kubeconfig wrote it', () => {
    expect(displayServer('https://127.0.0.1:6443')).toBe('https://127.0.0.1:6443');
    expect(displayServer('https://[::1]:6443/')).toBe('https://[::1]:6443/');
  });

  it('strips credentials from text that is not a URL too', () => {
    expect(displayServer('user:pw@host:6443?token=x')).toBe('host:6443');
    expect(displayServer('not a url')).toBe('not a url');
  });
});
