// Reads one input of `lbipam plan` (a file, or '-' for stdin) as UTF-8 text, refusing what is
// not text with a message that names the input.
import { readFile } from 'node:fs/promises';
import { PlanInputError } from '../../lib/manifests/validate';

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory (give the YAML files inside it)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** The name an input is called by in messages. */
export const inputName = (file: string): string => (file === '-' ? '<stdin>' : file);

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function readInput(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new PlanInputError(
      `${inputName(file)}: cannot read: ${ERRNO[code] ?? (err instanceof Error ? err.message : String(err))}${code ? ` (${code})` : ''}`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new PlanInputError(
      `${inputName(file)}: not a YAML text file (binary data: a NUL byte at offset ${nul})`,
    );
  try {
    // Kubernetes manifests are UTF-8; the decoder also drops a leading byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PlanInputError(`${inputName(file)}: not a YAML text file (not valid UTF-8)`);
  }
}
