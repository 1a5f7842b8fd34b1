import { register } from 'node:module';

// lib/kube marks its modules `import 'server-only'`, a package that throws unless resolved with
// the `react-server` condition (as Next's server build resolves it, to an empty module). A command
// that reads a cluster in this process resolves that one marker the same way; nothing else changes.
const hook = `export async function resolve(specifier, context, next) {
  if (specifier !== 'server-only') return next(specifier, context);
  return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
}`;

let registered = false;

export function allowServerModules(): void {
  if (registered) return;
  registered = true;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
