// Writing `lbipam plan`'s output: JSON one entry at a time, stdout with back-pressure and EPIPE handled.
import type { PlanResult } from './render';

/**
 * The same text as JSON.stringify({services, pools}, null, 2), one entry at a time, so a plan of
 * 100k Services never builds one huge string.
 */
export function* jsonChunks(result: PlanResult): Generator<string> {
  const list = (name: string, items: object[], last: boolean) => {
    if (items.length === 0) return [`  "${name}": []${last ? '' : ','}\n`];
    const out = [`  "${name}": [\n`];
    items.forEach((item, i) =>
      out.push(`${JSON.stringify(item, null, 2).replace(/^/gm, '    ')}${i < items.length - 1 ? ',' : ''}\n`),
    );
    out.push(`  ]${last ? '' : ','}\n`);
    return out;
  };
  yield '{\n';
  yield* list('services', result.services, false);
  yield* list('pools', result.pools, true);
  yield '}\n';
}

/**
 * Writes to stdout in ~1 MB pieces, waiting when the pipe is full. A reader that goes away early
 * (`lbipam plan … | head`) ends the output quietly: the exit status still says what the plan found.
 */
export async function write(chunks: Iterable<string>): Promise<void> {
  let closed = false;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  };
  process.stdout.on('error', onError);
  let buf = '';
  const flush = async () => {
    if (!buf || closed) return;
    const ok = process.stdout.write(buf);
    buf = '';
    // Not events.once: it rejects on 'error', and EPIPE is an expected end here.
    if (!ok) await settled(process.stdout, ['drain', 'close', 'error']);
  };
  for (const c of chunks) {
    if (closed) break;
    buf += c;
    if (buf.length >= 1 << 20) await flush();
  }
  await flush();
}

/** The first of these events; every listener is removed again (flushes repeat many times). */
function settled(emitter: NodeJS.EventEmitter, events: string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const e of events) emitter.off(e, done);
      resolve();
    };
    for (const e of events) emitter.on(e, done);
  });
}
