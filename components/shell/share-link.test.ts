import { describe, expect, it } from 'vitest';
import { sharedKind, shareLink } from './share-link';

describe('shareLink', () => {
  it('keeps the view (path, filters, sort, selection, hash) and marks it shared', () => {
    expect(shareLink('http://lab:3000/addresses?pool=pool&sort=-service&ip=192.168.0.229')).toBe(
      'http://lab:3000/addresses?pool=pool&sort=-service&ip=192.168.0.229&share=1',
    );
    expect(shareLink('/nodes?announce=k8s#node-k8s-1')).toBe('/nodes?announce=k8s&share=1#node-k8s-1');
  });

  it('switches between shared and embedded without piling up markers', () => {
    expect(shareLink('/pools/lab?share=1', 'embed')).toBe('/pools/lab?embed=1');
    expect(shareLink('/?embed=1&share=1')).toBe('/?share=1');
  });

  it('reads a query: embed wins over share; anything else is not shared', () => {
    expect(sharedKind(new URLSearchParams('share=1'))).toBe('share');
    expect(sharedKind(new URLSearchParams('share=1&embed=1'))).toBe('embed');
    expect(sharedKind(new URLSearchParams('share=0'))).toBeNull();
    expect(sharedKind(new URLSearchParams(''))).toBeNull();
  });
});
