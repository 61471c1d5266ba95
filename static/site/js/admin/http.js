// http.js: the admin API as the pages call it. Requests carry the session cookie (same origin only)
// and, for every change, the CSRF token the server gave at sign-in; a 401 anywhere sends the page back
// to the sign-in form.

const BASE = '/api/v1/admin';
let csrf = '';

export function setCsrf(token) {
  csrf = typeof token === 'string' ? token : '';
}

// ApiError carries the server's error: code, message, the field at fault, per-field messages of a
// refused record, and the current record of a version conflict.
export class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    super(typeof err.message === 'string' ? err.message : `HTTP ${status}`);
    this.status = status;
    this.code = typeof err.code === 'string' ? err.code : '';
    this.field = typeof err.field === 'string' ? err.field : '';
    this.fields = err.fields && typeof err.fields === 'object' ? err.fields : {};
    this.record = body && body.record ? body.record : null;
  }
}

function qs(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function call(method, path, { body, form, params, base = BASE } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (form) init.body = form;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(base + path + qs(params), init);
  if (res.status === 204) return null;
  let data = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) {
    if (res.status === 401 && path !== '/session') window.dispatchEvent(new CustomEvent('admin:signedout'));
    throw new ApiError(res.status, data);
  }
  return data;
}

const enc = encodeURIComponent;

export const api = {
  session: () => call('GET', '/session'),
  signIn: (username, password) => call('POST', '/session', { body: { username, password } }),
  signOut: () => call('DELETE', '/session'),
  dashboard: () => call('GET', '/dashboard'),
  attention: () => call('GET', '/attention'),
  kindTables: () => call('GET', '/kinds'),
  createKind: (body) => call('POST', '/kinds', { body }),
  records: (params) => call('GET', '/providers', { params }),
  record: (id) => call('GET', `/providers/${enc(id)}`),
  createRecord: (fields) => call('POST', '/providers', { body: fields }),
  updateRecord: (id, fields) => call('PATCH', `/providers/${enc(id)}`, { body: fields }),
  recordAction: (id, action, body) => call('POST', `/providers/${enc(id)}/${action}`, { body }),
  history: (id, params) => call('GET', `/providers/${enc(id)}/history`, { params }),
  changes: (params) => call('GET', '/changes', { params }),
  imports: (params) => call('GET', '/imports', { params }),
  importRun: (id) => call('GET', `/imports/${enc(id)}`),
  upload: (form) => call('POST', '/imports', { form }),
  accounts: () => call('GET', '/accounts'),
  createAccount: (body) => call('POST', '/accounts', { body }),
  updateAccount: (username, body) => call('PATCH', `/accounts/${enc(username)}`, { body }),
  tokens: () => call('GET', '/tokens'),
  createToken: (body) => call('POST', '/tokens', { body }),
  revokeToken: (id) => call('DELETE', `/tokens/${enc(id)}`),
  requests: (params) => call('GET', '/requests', { params }),
  request: (code) => call('GET', `/requests/${enc(code)}`),
  requestAction: (code, body) => call('POST', `/requests/${enc(code)}/actions`, { body }),
  requestPlaces: () => call('GET', '/requests/places'),
  requestCounts: () => call('GET', '/request-counts'),
  requestTypes: () => call('GET', '/request-types'),
  setRequestTypes: (kind, body) => call('PUT', `/request-types/${enc(kind)}`, { body }),
  setRequestSettings: (id, body) => call('PUT', `/providers/${enc(id)}/request-settings`, { body }),
  // The public vocabularies and map settings, read without credentials.
  config: () => fetch('/api/v1/config', { credentials: 'omit' }).then((r) => r.json()),
  kinds: () => publicList('/api/v1/kinds'),
  practiceAreas: () => publicList('/api/v1/practice-areas'),
  areas: () => publicList('/api/v1/areas'),
};

async function publicList(path) {
  try {
    const res = await fetch(path, { credentials: 'omit', headers: { Accept: 'application/json' } });
    const body = await res.json();
    if (Array.isArray(body)) return body;
    return body && Array.isArray(body.results) ? body.results : [];
  } catch {
    return [];
  }
}
