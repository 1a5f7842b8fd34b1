import { createRequire } from 'node:module';

// MAC vendors from the IEEE registry as packaged by `oui-data` (offline, updated as the registry
// changes). Loaded on first use: 5 MB of JSON the browser never sees.

let table: Record<string, string> | null = null;

function load(): Record<string, string> {
  if (!table) table = createRequire(import.meta.url)('oui-data') as Record<string, string>;
  return table;
}

/** The vendor's name (the registry entry's first line), "locally administered", or null. */
export function vendorOf(mac: string): string | null {
  const hex = mac.replace(/[^0-9a-f]/gi, '').toUpperCase();
  if (hex.length !== 12) return null;
  const entry = load()[hex.slice(0, 6)];
  if (entry) return entry.split('\n')[0]!.trim();
  if (parseInt(hex.slice(0, 2), 16) & 0x02) return 'locally administered';
  return null;
}
