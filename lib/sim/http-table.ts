// Table output (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`): what `kubectl get`
// prints. Columns come from the kind table; AGE is rendered server-side as Kubernetes does.
import { jsonPathCell } from './jsonpath';
import type { KindDef, PrinterColumn } from './kinds';
import { CELLS, humanDuration } from './printer-cells';
import type { Json, JsonObject, SimObject } from './types';

export interface TableRequest {
  apiVersion: 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1';
  includeObject: 'None' | 'Metadata' | 'Object';
}

/** Parses Accept; undefined when the client did not ask for a Table. */
export function tableRequest(
  accept: string | undefined,
  includeObject: string | null,
): TableRequest | undefined {
  const parts = (accept ?? '').split(',').filter((p) => /as=Table/.test(p) && /g=meta\.k8s\.io/.test(p));
  if (parts.length === 0) return undefined;
  const v1 = parts.some((p) => /v=v1(;|$|\s)/.test(p));
  const inc = includeObject === 'None' || includeObject === 'Object' ? includeObject : 'Metadata';
  return { apiVersion: v1 ? 'meta.k8s.io/v1' : 'meta.k8s.io/v1beta1', includeObject: inc };
}

const NAME_COLUMN: PrinterColumn = {
  name: 'Name',
  type: 'string',
  description: 'Name must be unique within a namespace.',
};

function ownName(def: KindDef): boolean {
  return def.columns.some((c) => c.name === 'Name');
}

function columnsOf(def: KindDef): PrinterColumn[] {
  return ownName(def) ? def.columns : [NAME_COLUMN, ...def.columns];
}

function columnDefinitions(def: KindDef): JsonObject[] {
  return columnsOf(def).map((c) => ({
    name: c.name,
    type: c.type === 'date' ? 'string' : c.type,
    format: c === NAME_COLUMN || c.name === 'Name' ? 'name' : '',
    description: c.description ?? c.name,
    priority: c.priority ?? 0,
  }));
}

function cell(col: PrinterColumn, obj: SimObject, now: Date): Json {
  const v = col.cell ? CELLS[col.cell](obj) : col.jsonPath ? jsonPathCell(obj, col.jsonPath) : null;
  if (col.type === 'date') {
    const t = typeof v === 'string' ? Date.parse(v) : NaN;
    return Number.isNaN(t) ? '<unknown>' : humanDuration(now.getTime() - t);
  }
  return v;
}

function row(def: KindDef, obj: SimObject, req: TableRequest, now: Date): JsonObject {
  const cells: Json[] = columnsOf(def).map((c) =>
    c === NAME_COLUMN ? obj.metadata.name : cell(c, obj, now),
  );
  const out: JsonObject = { cells };
  if (req.includeObject === 'Object') out.object = obj as unknown as JsonObject;
  if (req.includeObject === 'Metadata') {
    out.object = {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: obj.metadata as unknown as JsonObject,
    };
  }
  return out;
}

export function toTable(
  def: KindDef,
  objects: SimObject[],
  req: TableRequest,
  now: Date,
  resourceVersion: string | undefined,
  withColumns = true,
): JsonObject {
  return {
    kind: 'Table',
    apiVersion: req.apiVersion,
    metadata: resourceVersion ? { resourceVersion } : {},
    ...(withColumns ? { columnDefinitions: columnDefinitions(def) } : { columnDefinitions: [] }),
    rows: objects.map((o) => row(def, o, req, now)),
  };
}
