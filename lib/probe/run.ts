import { spawn } from 'node:child_process';

// One external command (arping, ndisc6, ip), run to completion with a deadline. `prefix` wraps the
// command (the integration tests run it inside their own network namespace with `ip netns exec`);
// it is set by code, never from a request.

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  elapsedMs: number;
}

export class CommandMissingError extends Error {
  constructor(readonly command: string) {
    super(`${command} is not installed`);
  }
}

export interface Runner {
  (cmd: string, args: string[], timeoutMs: number): Promise<RunResult>;
}

export function processRunner(prefix: string[] = []): Runner {
  return (cmd, args, timeoutMs) =>
    new Promise((resolve, reject) => {
      const [bin, ...rest] = prefix.length > 0 ? [...prefix, cmd, ...args] : [cmd, ...args];
      const started = performance.now();
      const child = spawn(bin!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(e.code === 'ENOENT' ? new CommandMissingError(bin!) : e);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        // `ip netns exec` reports a missing command itself, with exit 255 and this text.
        if (prefix.length > 0 && /No such file or directory/.test(stderr) && stderr.includes(cmd)) {
          reject(new CommandMissingError(cmd));
          return;
        }
        resolve({ code, stdout, stderr, elapsedMs: performance.now() - started });
      });
    });
}
