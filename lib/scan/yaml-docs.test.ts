import { describe, expect, it } from 'vitest';
import { readYaml } from './yaml-docs';

describe('readYaml', () => {
  it('reads several documents with comments, anchors, aliases and merge keys, keeping lines', () => {
    const text = [
      '# a comment',
      'a: &x 1 # trailing',
      'b: *x',
      '---',
      'base: &b {k: v}',
      'list:',
      '  - <<: *b',
      '    own: 2',
      '',
    ].join('\n');
    const { docs, errors } = readYaml(text, 'f.yaml');
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.value)).toEqual([
      { a: 1, b: 1 },
      { base: { k: 'v' }, list: [{ k: 'v', own: 2 }] },
    ]);
    expect(docs[0].lineOf(['b'])).toBe(3);
    expect(docs[1].index).toBe(2);
    expect(docs[1].lineOf(['list', 0, 'own'])).toBe(8);
    // A key that came from the merge is placed where the merge is written.
    expect(docs[1].lineOf(['list', 0, 'k'])).toBe(7);
  });

  it('reports a broken document with its line and keeps the others', () => {
    const { docs, errors } = readYaml('a: 1\n---\nb: [x\n---\nc: 3\n', 'f.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'f.yaml', line: 4 });
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'
        .split('')
        .map((l, i) => `${l}: &${l} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    const { docs, errors } = readYaml(bomb, 'bomb.yaml');
    expect(docs).toEqual([]);
    expect(errors[0].message).toMatch(/alias/i);
  });
});
