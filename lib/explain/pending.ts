// A pending Service (IPAMRequestSatisfied=False), explained from structured facts: each
// requested address it lacks with what stands in its way, or, for a generic request, Cilium's
// reason and the pools involved. Alerts, the engine's diagnose and `lbipam plan` all word it here.
import { formatAddr } from '../net';
import { genericKey, genericPiece, sortedGeneric } from './generic';
import { MANY, one, type Piece, type Who } from './piece';
import { requestedKey, requestedPiece } from './requested';
import type { Explanation, PendingFacts, Subject, Words } from './types';
import { listText, quoted } from './words';

const GATEWAY_HINT =
  'For a Gateway, put lbipam.cilium.io/* annotations in its spec.infrastructure.annotations; Envoy Gateway copies them to the Service.';

function piece(f: PendingFacts, who: Who): Piece {
  if (f.requested.length === 1) return requestedPiece(f.requested[0], f, who);
  if (f.requested.length > 1) {
    const parts = f.requested.map((r) => requestedPiece(r, f, who));
    const fixes = [...new Set(parts.flatMap((p) => (p.fix ? [p.fix] : [])))];
    return {
      what: `${listText(f.requested.map((r) => formatAddr(r.ip)))} are not available`,
      detail: parts.map((p) => p.detail).join(' '),
      fix: fixes.length ? fixes.join(' ') : null,
    };
  }
  if (f.generic) return genericPiece(sortedGeneric(f.generic), who);
  return { what: 'Cilium did not say why', detail: 'Cilium did not say why.', fix: null };
}

function key(f: PendingFacts): string {
  const k = f.requested.length
    ? f.requested.map((r) => requestedKey(r, f)).join('+')
    : f.generic
      ? genericKey(sortedGeneric(f.generic))
      : `unexplained:${f.subject.name}`;
  return f.subject.gateway ? `${k}:gateway` : k;
}

const withHint = (fix: string | null, gateway: boolean | undefined) =>
  gateway && fix !== null ? `${fix} ${GATEWAY_HINT}` : fix;

export function explainPending(f: PendingFacts): Explanation {
  const mine = piece(f, one(f.subject));
  const many = piece(f, MANY);
  return {
    title: `${f.subject.name} is pending: ${mine.what}`,
    detail: `${mine.detail}${quoted(f.message)}`,
    fix: withHint(mine.fix, f.subject.gateway),
    key: key(f),
    shared: {
      headline: `are pending: ${many.what}`,
      detail: `${many.detail}${quoted(f.message)}`,
      fix: withHint(many.fix, f.subject.gateway),
    },
  };
}

/**
 * A reason this module does not know (a newer Cilium): Cilium's reason and message as written,
 * and the engine's explanation when there is one.
 */
export function explainUnrecognised(
  subject: Subject,
  reason: string | null,
  message: string | null,
  engine?: Words,
): Explanation {
  const detail = [message, engine?.detail].filter(Boolean).join(' — ') || 'Cilium did not say why.';
  const fix = withHint(engine?.fix ?? null, subject.gateway);
  return {
    title: `${subject.name} is pending${reason ? ` (${reason})` : ''}`,
    detail,
    fix,
    key: `unrecognised:${subject.name}`,
    shared: { headline: `are pending${reason ? ` (${reason})` : ''}`, detail, fix },
  };
}
