// A controller step that throws must not take the API server down with it: in a timer or
// setImmediate an exception is uncaught and ends the process (every kubectl and the dashboard
// lose their cluster). Steps run through `guarded`, which reports the error (once per distinct
// message, so a poisoned object does not flood the log) and lets the next step run.

const reported = new Set<string>();

export type Reporter = (message: string) => void;

export const defaultReporter: Reporter = (message) => {
  if (reported.has(message)) return;
  if (reported.size > 1000) reported.clear();
  reported.add(message);
  process.stderr.write(`lbipam-sim: ${message}\n`);
};

/** Runs `fn`; on an exception reports "<who>: <what> failed: <message>" and returns undefined. */
export function guarded<T>(
  who: string,
  what: string,
  fn: () => T,
  report: Reporter = defaultReporter,
): T | undefined {
  try {
    return fn();
  } catch (err) {
    report(`${who}: ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
