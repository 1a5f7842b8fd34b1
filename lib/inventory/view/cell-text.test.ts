import { describe, expect, it } from 'vitest';
import { build, holding, pool, rowsOf, svc } from '../testing/fixtures';
import { cellText, CELL_MAX_CHARS, visibleChars } from './cell-text';

describe('cell text from the cluster', () => {
  it('caps what a cell shows, keeping the whole text for on demand', () => {
    const note = 'x'.repeat(200_000);
    const c = cellText(note);
    expect(Array.from(c.shown)).toHaveLength(CELL_MAX_CHARS);
    expect(c.shown.endsWith('…')).toBe(true);
    expect(c.truncated).toBe(true);
    expect(c.full).toBe(note);
  });

  it('makes direction overrides and control characters visible instead of obeying them', () => {
    const c = cellText('\u202Eevil\u202C');
    expect(c.shown).toBe('⟨U+202E⟩evil⟨U+202C⟩');
    expect(c.full).toBe(c.shown);
    expect(visibleChars('a\nb\u0000c\u200Bd')).toBe('a⟨U+000A⟩b⟨U+0000⟩c⟨U+200B⟩d');
  });

  it('leaves ordinary text, right-to-left scripts and emoji as they are, and never splits a pair', () => {
    expect(cellText('Home Assistant')).toEqual({ shown: 'Home Assistant', full: null, truncated: false });
    expect(cellText('שלום').shown).toBe('שלום');
    const emoji = cellText('😀'.repeat(200), 10);
    expect(emoji.shown).toBe(`${'😀'.repeat(9)}…`);
  });
});

describe('a Service that requests one address twice', () => {
  it('is one waiter, not two', () => {
    const inv = build({
      pools: [pool('a', [{ cidr: '10.0.0.0/29' }])],
      services: [
        holding('ns', 'holder', '10.0.0.2'),
        svc('ns', 'twice', {
          request: '10.0.0.2,10.0.0.3,10.0.0.2',
          cond: ['already_allocated', "The IP '10.0.0.2' is already allocated to another service"],
        }),
      ],
    });
    const row = rowsOf(inv).find((r) => r.ip === '10.0.0.2');
    expect(row?.waiting.map((w) => w.name)).toEqual(['twice']);
  });
});
