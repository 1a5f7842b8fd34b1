import { parseAsString, parseAsStringLiteral } from 'nuqs';
import { TARGETS, type ReserveForm } from '@/lib/manifests/reserve/types';

// The whole form lives in the URL (send a colleague the reservation): one short parameter per field.
export const reserveParams = {
  target: parseAsStringLiteral(TARGETS).withDefault('service'),
  pool: parseAsString,
  ip: parseAsString.withDefault(''),
  name: parseAsString.withDefault(''),
  namespace: parseAsString.withDefault('default'),
  ports: parseAsString.withDefault(''),
  labels: parseAsString.withDefault(''),
  etp: parseAsString.withDefault(''),
  lbClass: parseAsString.withDefault(''),
  sharingKey: parseAsString.withDefault(''),
  shareWith: parseAsString.withDefault(''),
  gatewayClass: parseAsString.withDefault(''),
  controller: parseAsString.withDefault(''),
  serviceId: parseAsString.withDefault(''),
  purpose: parseAsString.withDefault(''),
};

export const urlKeys = {
  namespace: 'ns',
  sharingKey: 'key',
  shareWith: 'share',
  gatewayClass: 'class',
  serviceId: 'id',
} as const;

/** Ports a target starts with when none are typed yet. */
export const DEFAULT_PORTS: Record<NonNullable<ReserveForm['target']>, string> = {
  service: '8080/TCP',
  gateway: 'https=443/HTTPS',
  'app-template': 'http=8080/TCP',
  placeholder: '8080/TCP',
};
