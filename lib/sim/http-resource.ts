// The verbs on a resource path: GET (get/list/watch), POST, PUT, PATCH, DELETE and
// deletecollection, plus `/status`, dry-run, selectors and Table output. Thin: the store
// does the semantics, this file maps HTTP onto it and back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApiError,
  badRequest,
  conflict,
  invalid,
  notFound,
  tooLargeResourceVersion,
  type StatusCause,
} from './errors';
import { decodeObject, decodePatch, parseJson, readBodyBytes } from './http-body';
import type { ResourceRoute } from './http-route';
import { sendJson, type Headers } from './http-respond';
import { tableRequest } from './http-table';
import { toTable } from './http-table';
import { serveWatch, type WatchRegistry } from './http-watch';
import { storageApiVersion } from './kinds';
import { objectShape, pruneUnknown, unknownFields } from './field-schemas';
import { cachedListBody } from './list-cache';
import { isObj } from './patch';
import { toJsonAs } from './object-utils';
import type { Store } from './store';
import type { ObjectRef, SimObject } from './types';

export interface ResourceContext {
  store: Store;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  route: ResourceRoute;
  registry: WatchRegistry;
  bookmarkIntervalMs: number;
  maxBodyBytes: number;
}

function dryRunOf(q: URLSearchParams): boolean {
  const values = q.getAll('dryRun');
  for (const v of values)
    if (v !== 'All') throw badRequest(`Invalid dryRun value: ${v}. Valid values are: All`);
  return values.length > 0;
}

function checkBody(route: ResourceRoute, body: unknown, name?: string): Record<string, unknown> {
  if (!isObj(body)) throw badRequest('the request body must be a JSON object');
  const causes: StatusCause[] = [];
  if (body.apiVersion !== route.apiVersion) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'apiVersion',
      message: `Invalid value: ${JSON.stringify(body.apiVersion ?? '')}: must be ${route.apiVersion} (the API version in the URL)`,
    });
  }
  if (body.kind !== route.def.kind) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'kind',
      message: `Invalid value: ${JSON.stringify(body.kind ?? '')}: must be ${route.def.kind} (the resource in the URL)`,
    });
  }
  const meta = isObj(body.metadata) ? { ...body.metadata } : {};
  if (causes.length > 0) throw invalid(route.def.kind, route.group, String(meta.name ?? name ?? ''), causes);
  if (route.def.namespaced) {
    if (route.namespace === undefined)
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== route.namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    meta.namespace = route.namespace;
  }
  if (name !== undefined) {
    if (meta.name !== undefined && meta.name !== name)
      throw badRequest(
        `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
      );
    meta.name = name;
  }
  return { ...body, metadata: meta };
}

/**
 * fieldValidation: Strict rejects undeclared fields (400); Warn (the default) and Ignore drop them,
 * Warn with a Warning header per field, as a real server prunes what its schema does not declare.
 */
function checkFields<T>(q: URLSearchParams, route: ResourceRoute, body: T, headers: Headers): T {
  const mode = q.get('fieldValidation') ?? 'Warn';
  if (mode !== 'Strict' && mode !== 'Warn' && mode !== 'Ignore') {
    throw badRequest(
      `fieldValidation: Unsupported value: "${mode}": supported values: "Ignore", "Strict", "Warn"`,
    );
  }
  if (!route.def.fields || !isObj(body)) return body;
  const shape = objectShape(route.def.fields);
  const unknown = unknownFields(shape, body).sort();
  if (unknown.length === 0) return body;
  const kind = route.def.kind;
  if (mode === 'Strict') {
    const list = unknown.map((f) => `unknown field "${f}"`).join(', ');
    throw badRequest(
      `${kind} in version "${route.version}" cannot be handled as a ${kind}: strict decoding error: ${list}`,
    );
  }
  if (mode === 'Warn') {
    const warnings = unknown.map((f) => `299 - "unknown field \\"${f}\\""`);
    headers.Warning = [headers.Warning, ...warnings].filter(Boolean).join(', ');
  }
  return pruneUnknown(shape, body) as T;
}

/** DeleteOptions.preconditions: refuse to delete another incarnation or a newer version. */
function checkPreconditions(
  current: SimObject | undefined,
  opts: unknown,
  resource: string,
  group: string,
  name: string,
): void {
  const pre = isObj(opts) && isObj(opts.preconditions) ? opts.preconditions : undefined;
  if (!pre || !current) return;
  if (typeof pre.uid === 'string' && pre.uid !== current.metadata.uid) {
    throw new ApiError(
      409,
      'Conflict',
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`,
      { name, group: group || undefined, kind: resource },
    );
  }
  if (typeof pre.resourceVersion === 'string' && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(resource, group, name);
  }
}

/** A read at a resourceVersion must name one the store has reached (any later state serves it). */
function checkReadResourceVersion(store: Store, raw: string | null): void {
  if (raw === null || raw === '' || raw === '0') return;
  if (!/^\d+$/.test(raw)) throw badRequest(`invalid resourceVersion ${JSON.stringify(raw)}`);
  const current = Number(store.resourceVersion());
  if (Number(raw) > current) throw tooLargeResourceVersion(Number(raw), current);
}

export async function handleResource(ctx: ResourceContext): Promise<void> {
  const { store, req, res, url, route } = ctx;
  const q = url.searchParams;
  const def = route.def;
  const headers: Headers = {};
  const deprecation = def.versions.find((v) => v.name === route.version && v.deprecated);
  if (deprecation)
    headers.Warning = `299 - "${deprecation.deprecationWarning ?? `${route.apiVersion} ${def.kind} is deprecated`}"`;
  const table = tableRequest(req.headers.accept, q.get('includeObject'));
  const ref = (name: string): ObjectRef => ({
    apiVersion: storageApiVersion(def),
    kind: def.kind,
    namespace: route.namespace,
    name,
  });
  const one = (code: number, obj: SimObject) => {
    if (table && req.method === 'GET')
      sendJson(res, code, toTable(def, [obj], table, store.now(), obj.metadata.resourceVersion), headers);
    else sendJson(res, code, toJsonAs(obj, route.apiVersion), headers);
  };
  const method = req.method ?? 'GET';
  const name = route.name;

  if (method === 'GET' || method === 'HEAD') {
    checkReadResourceVersion(store, q.get('resourceVersion'));
    const watching = route.watchPrefix || q.get('watch') === 'true' || q.get('watch') === '1';
    const fieldSelector = [q.get('fieldSelector'), name !== undefined ? `metadata.name=${name}` : null]
      .filter(Boolean)
      .join(',');
    const options = {
      namespace: route.namespace,
      labelSelector: q.get('labelSelector') ?? undefined,
      fieldSelector: fieldSelector || undefined,
    };
    if (watching) {
      const timeout = q.get('timeoutSeconds');
      serveWatch(
        store,
        req,
        res,
        {
          def,
          apiVersion: route.apiVersion,
          options: { ...options, resourceVersion: q.get('resourceVersion') ?? undefined },
          table,
          timeoutSeconds: timeout !== null && /^\d+$/.test(timeout) ? Number(timeout) : undefined,
          bookmarks: q.get('allowWatchBookmarks') === 'true',
          bookmarkIntervalMs: ctx.bookmarkIntervalMs,
          headers,
        },
        ctx.registry,
      );
      return;
    }
    if (name !== undefined) {
      const obj = store.get(ref(name));
      if (!obj) throw notFound(def.resource, def.group, name);
      one(200, obj);
      return;
    }
    const listJson = () => {
      const list = store.list({ apiVersion: storageApiVersion(def), kind: def.kind }, options);
      const head = `{"kind":"${def.kind}List","apiVersion":"${route.apiVersion}","metadata":{"resourceVersion":"${list.resourceVersion}"},"items":[`;
      return `${head}${list.items.map((o) => toJsonAs(o, route.apiVersion)).join(',')}]}`;
    };
    if (table) {
      const list = store.list({ apiVersion: storageApiVersion(def), kind: def.kind }, options);
      sendJson(res, 200, toTable(def, list.items, table, store.now(), list.resourceVersion), headers);
    } else if (!options.namespace && !options.labelSelector && !options.fieldSelector) {
      sendJson(
        res,
        200,
        cachedListBody(store, `${def.group}/${def.kind}@${route.apiVersion}`, listJson),
        headers,
      );
    } else {
      sendJson(res, 200, listJson(), headers);
    }
    return;
  }

  const raw = await readBodyBytes(req, ctx.maxBodyBytes);
  const text = raw.toString('utf8');
  const dryRun = dryRunOf(q);
  const fieldManager = q.get('fieldManager') ?? undefined;
  const subresource = route.subresource;
  if (method === 'POST' && name === undefined) {
    const body = checkFields(q, route, checkBody(route, decodeObject(req, raw)), headers);
    one(201, store.create(body, { dryRun, fieldManager }));
  } else if (method === 'PUT' && name !== undefined) {
    const body = checkFields(q, route, checkBody(route, decodeObject(req, raw), name), headers);
    one(200, store.update(body, { dryRun, fieldManager, subresource }));
  } else if (method === 'PATCH' && name !== undefined) {
    const decoded = decodePatch(req, text);
    const type = decoded.type;
    const body = type === 'json' ? decoded.body : checkFields(q, route, decoded.body, headers);
    if (type === 'apply') {
      if (!fieldManager)
        throw invalid('PatchOptions', 'meta.k8s.io', '', [
          {
            reason: 'FieldValueRequired',
            field: 'fieldManager',
            message: 'Required value: is required for apply patch',
          },
        ]);
      checkBody(route, body, name);
    }
    const existed = store.get(ref(name)) !== undefined;
    const force = q.get('force') === 'true';
    one(
      existed ? 200 : 201,
      store.patch(ref(name), type, body, { dryRun, fieldManager, subresource, force }),
    );
  } else if (method === 'DELETE') {
    const opts = text.trim() === '' ? {} : parseJson(text);
    const bodyDryRun = isObj(opts) && Array.isArray(opts.dryRun) && opts.dryRun.includes('All');
    if (name !== undefined) {
      checkPreconditions(store.get(ref(name)), opts, def.resource, def.group, name);
      one(200, store.delete(ref(name), { dryRun: dryRun || bodyDryRun }));
      return;
    }
    const list = store.list(
      { apiVersion: storageApiVersion(def), kind: def.kind },
      {
        namespace: route.namespace,
        labelSelector: q.get('labelSelector') ?? undefined,
        fieldSelector: q.get('fieldSelector') ?? undefined,
      },
    );
    const deleted = list.items.map((o) =>
      store.delete(
        { ...ref(o.metadata.name), namespace: o.metadata.namespace },
        { dryRun: dryRun || bodyDryRun },
      ),
    );
    const head = `{"kind":"${def.kind}List","apiVersion":"${route.apiVersion}","metadata":{"resourceVersion":"${store.resourceVersion()}"},"items":[`;
    sendJson(res, 200, `${head}${deleted.map((o) => toJsonAs(o, route.apiVersion)).join(',')}]}`, headers);
  } else {
    throw new ApiError(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource (${method} ${url.pathname})`,
    );
  }
}
