// api.js: the public API as the pages call it (/api/v1, WGS84 in and out). Requests never carry
// cookies (credentials: 'omit'), so the widget stays cookie-free on any site that frames it.

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    const err = (body && body.error) || {};
    super(typeof err.message === 'string' ? err.message : `HTTP ${status}`);
    this.status = status;
    this.code = typeof err.code === 'string' ? err.code : '';
    this.field = typeof err.field === 'string' ? err.field : '';
    this.retryAfter = retryAfter;
  }
}

// query builds the query string, skipping empty values; arrays become comma lists (kind=a,b).
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) q.set(key, value.join(','));
    } else q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function get(path, params, signal) {
  const res = await fetch(BASE + path + query(params), {
    signal,
    credentials: 'omit',
    headers: { Accept: 'application/json' },
  });
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) throw new ApiError(res.status, body, res.headers.get('Retry-After'));
  if (body === null) throw new ApiError(res.status, null, null);
  return body;
}

// post sends a JSON body (the citizen's request forms), without cookies like every public call.
export async function post(path, body, signal) {
  const res = await fetch(BASE + path, {
    method: 'POST',
    signal,
    credentials: 'omit',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  let data = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError(res.status, data, res.headers.get('Retry-After'));
  return data;
}

// results takes a list answer ({results: [...]}) or a bare array, so vocabularies work either way.
export function results(body) {
  if (Array.isArray(body)) return body;
  if (body && Array.isArray(body.results)) return body.results;
  return [];
}

export const api = {
  config: () => get('/config'),
  outlines: (crs) => get('/areas/outlines', crs === 'gcj02' ? { crs } : null),
  kinds: () => get('/kinds').then(results),
  practiceAreas: () => get('/practice-areas').then(results),
  // places suggests areas and providers; with an origin, nearer providers first.
  places: (q, signal, origin) => get('/places', origin && Number.isFinite(origin.lat) && Number.isFinite(origin.lng)
    ? { q, lat: origin.lat.toFixed(6), lng: origin.lng.toFixed(6) } : { q }, signal).then((r) => results(r).slice(0, 8)),
  nearest: (params, signal) => get('/providers/nearest', params, signal),
  search: (params, signal) => get('/providers/search', params, signal),
  viewport: (params, signal) => get('/providers', params, signal),
  provider: (id, signal) => get(`/providers/${encodeURIComponent(id)}`, null, signal),
};

export function isAbort(err) {
  return err && err.name === 'AbortError';
}

// The page's configuration (/api/v1/config): tiles, their datum, the default view. A page whose
// config cannot load still works on these defaults (a plain background if the tiles fail too).
export const DEFAULT_CONFIG = {
  tile_url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tile_attribution: '© OpenStreetMap contributors',
  tile_crs: 'wgs84',
  center: [35, 105], // no city is assumed: without the configuration the map opens on the country
  zoom: 4,
  max_zoom: 19,
};

export async function loadConfig() {
  let body = {};
  try {
    body = await api.config();
  } catch (err) {
    body = {};
  }
  const c = { ...DEFAULT_CONFIG };
  if (typeof body.tile_url === 'string') c.tile_url = body.tile_url;
  if (typeof body.tile_attribution === 'string') c.tile_attribution = body.tile_attribution;
  if (body.tile_crs === 'gcj02' || body.tile_crs === 'wgs84') c.tile_crs = body.tile_crs;
  if (Array.isArray(body.center) && body.center.length === 2 && body.center.every(Number.isFinite)) c.center = body.center;
  if (Number.isInteger(body.zoom) && body.zoom >= 3 && body.zoom <= 20) c.zoom = body.zoom;
  if (Number.isInteger(body.max_zoom) && body.max_zoom >= 10 && body.max_zoom <= 22) c.max_zoom = body.max_zoom;
  c.city_name_zh = typeof body.city_name_zh === 'string' ? body.city_name_zh : '';
  c.city_name_en = typeof body.city_name_en === 'string' ? body.city_name_en : '';
  return c;
}

export function configCenter(config) {
  return { lat: config.center[0], lng: config.center[1] };
}
