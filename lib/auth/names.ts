// The names the browser and the server agree on for CSRF (double submit): the cookie the server
// sets for a session and the header each POST carries back. Browser-safe: no imports.

export const CSRF_COOKIE = 'lbipam_csrf';
export const CSRF_HEADER = 'x-lbipam-csrf';
