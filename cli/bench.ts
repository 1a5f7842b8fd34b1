// `lbipam bench`: runs every bench/*.bench.ts and prints its figures as JSON lines
// {"name","value","unit"}. Budgets live in the issues and the README, not here: this only measures.
// Each bench file runs in a process of its own, so one bench's heap and JIT state (a 10k-Service
// engine, say) never slows the next one down. A bench file whose measurements partly failed throws
// an error with a `figures` array: those are printed, the error goes to stderr, the exit code is 1.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

const dir = fileURLToPath(new URL('../bench/', import.meta.url));
const entry = fileURLToPath(new URL('../bin/lbipam.mjs', import.meta.url));

/** Runs one bench file in this process (the child's side). */
async function runHere(file: string): Promise<number> {
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
      run: () => Promise<BenchFigure[]>;
    };
    for (const figure of await mod.run()) process.stdout.write(`${JSON.stringify(figure)}\n`);
    return 0;
  } catch (err) {
    // A bench whose other measurements succeeded throws an error carrying their figures.
    const partial = (err as { figures?: unknown })?.figures;
    if (Array.isArray(partial))
      for (const figure of partial as BenchFigure[]) process.stdout.write(`${JSON.stringify(figure)}\n`);
    process.stderr.write(`bench ${file} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    return 1;
  }
}

export async function run(args: string[]): Promise<number> {
  const inProcess = args.includes('--in-process');
  const only = args.filter((a) => !a.startsWith('-'));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
  let failed = 0;
  for (const file of files) {
    if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
    if (inProcess) {
      failed += await runHere(file);
      continue;
    }
    const child = spawnSync(process.execPath, ['--expose-gc', entry, 'bench', '--in-process', file], {
      stdio: 'inherit',
      env: process.env,
    });
    if (child.status !== 0) failed++;
  }
  return failed > 0 ? 1 : 0;
}
