'use client';

import { CSRF_COOKIE, CSRF_HEADER } from '../auth/names';
import { refusal } from './fetch-inventory';

// Every POST the browser makes goes through here, so what a request to the dashboard must carry
// (JSON headers; the CSRF token of a signed-in session, lib/auth) is said once.

function csrfToken(): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === CSRF_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** A POST of JSON (or a FormData upload); the response as it came. */
export function post(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  const token = csrfToken();
  return fetch(path, {
    method: 'POST',
    signal,
    headers: {
      accept: 'application/json',
      ...(form ? {} : { 'content-type': 'application/json' }),
      ...(token ? { [CSRF_HEADER]: token } : {}),
    },
    body: form ? body : JSON.stringify(body),
  });
}

/** A POST whose answer is JSON; a refusal throws the server's own words (an ApiError). */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await post(path, body, signal);
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as T;
}
