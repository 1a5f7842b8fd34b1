// `lbipam bench`: runs every bench/*.bench.ts in turn and prints its figures as JSON lines
// {"name","value","unit"}. Budgets live in the issues and the README, not here: this only measures.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

export async function run(args: string[]): Promise<number> {
  const dir = fileURLToPath(new URL('../bench/', import.meta.url));
  const only = args.filter((a) => !a.startsWith('-'));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
  let failed = 0;
  for (const file of files) {
    if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
    try {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
        run: () => Promise<BenchFigure[]>;
      };
      for (const figure of await mod.run()) process.stdout.write(`${JSON.stringify(figure)}\n`);
    } catch (err) {
      failed++;
      process.stderr.write(`bench ${file} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
