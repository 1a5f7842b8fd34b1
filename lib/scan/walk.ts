// Walks a repository directory for the files a scan reads: YAML, and `.env` files that kustomize's
// configMapGenerator may turn into a Flux substitution ConfigMap. Server-side (reads the disk).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import type { ReadError, SkippedFile } from './types';

export interface RepoFile {
  /** Relative to the scanned directory, POSIX separators. */
  path: string;
  text: string;
}

export interface WalkOptions {
  /** Also walk dot-directories (`.archive`, `.github`); they are not deployed, so left out by default. */
  includeHidden?: boolean;
  /** Directory names or relative paths left out (in addition to dot-directories and node_modules). */
  exclude?: readonly string[];
}

export interface WalkResult {
  files: RepoFile[];
  skipped: SkippedFile[];
  errors: ReadError[];
  /** Directories left out, relative paths. */
  excluded: string[];
}

const YAML = /\.ya?ml$/i;
const ENV = /\.env$/i;
// Template sources that render to YAML: listed as skipped, never guessed at.
const TEMPLATE = /\.ya?ml\.(j2|jinja2?|tmpl|tpl|gotmpl)$|\.(j2|tpl|gotmpl)$/i;
const MAX_BYTES = 8 * 1024 * 1024;

export async function walkRepo(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const out: WalkResult = { files: [], skipped: [], errors: [], excluded: [] };
  const rootStat = await stat(root).catch((err: NodeJS.ErrnoException) => err);
  if (rootStat instanceof Error)
    throw new Error(
      `${root}: cannot read: ${rootStat.code === 'ENOENT' ? 'no such directory' : rootStat.message}`,
    );
  if (!rootStat.isDirectory()) throw new Error(`${root}: not a directory`);
  const exclude = new Set(options.exclude ?? []);
  const pending: string[] = [root];
  const found: string[] = [];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      out.errors.push({
        file: rel(root, dir) || '.',
        line: 0,
        col: 0,
        message: `cannot read directory: ${msg(err)}`,
      });
      continue;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      const path = rel(root, full);
      if (e.isDirectory()) {
        const hidden = e.name.startsWith('.') && !options.includeHidden;
        if (hidden || e.name === 'node_modules' || exclude.has(e.name) || exclude.has(path)) {
          if (e.name !== '.git' && e.name !== 'node_modules') out.excluded.push(path);
          continue;
        }
        pending.push(full);
      } else if (e.isFile()) {
        if (TEMPLATE.test(e.name))
          out.skipped.push({ file: path, reason: 'a template (rendered before it is YAML)' });
        else if (YAML.test(e.name) || ENV.test(e.name)) found.push(full);
      }
      // Symbolic links are not followed: a link loop, or a link out of the repository, is not a claim.
    }
  }
  found.sort();
  out.excluded.sort();
  for (const full of found) {
    const path = rel(root, full);
    try {
      const bytes = await readFile(full);
      if (bytes.length > MAX_BYTES) {
        out.skipped.push({ file: path, reason: `larger than ${MAX_BYTES / 1024 / 1024} MB` });
        continue;
      }
      if (bytes.indexOf(0) >= 0) {
        out.skipped.push({ file: path, reason: 'binary data (a NUL byte)' });
        continue;
      }
      out.files.push({ path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
    } catch (err) {
      const text = err instanceof TypeError ? 'not valid UTF-8' : `cannot read: ${msg(err)}`;
      out.errors.push({ file: path, line: 0, col: 0, message: text });
    }
  }
  out.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return out;
}

const rel = (root: string, full: string): string => relative(root, full).split(sep).join(posix.sep);
const msg = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : err instanceof Error
      ? err.message
      : String(err);
};
