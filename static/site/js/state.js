// state.js: what the citizen page shows, and its round trip through the URL, so that a link or a
// refresh shows the same map, filters, query and selected record. Everything read from the URL is
// checked and clamped here: a hand-edited link can at worst be ignored, never break the page.
// Parameter names are the API's (kind, practice_area, language, open_now, free) plus lat/lng/zoom
// for the map view, olat/olng for the origin distances are measured from, label for its name (the
// widget's "open the full map" hands its place name over), q, id and lang.

import { validLatLng } from './coords.js';

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_Q = 200;

export function parseNumber(value) {
  if (value === null || value === undefined || String(value).trim() === '') return NaN;
  return Number(value);
}

function codes(value) {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()).filter((s) => CODE.test(s)))].slice(0, 10);
}

// parseState reads a query string; defaults supply the map view when the URL has none.
export function parseState(search, defaults = {}) {
  const p = new URLSearchParams(search);
  const lat = parseNumber(p.get('lat'));
  const lng = parseNumber(p.get('lng'));
  const hasView = validLatLng(lat, lng);
  const zoom = parseNumber(p.get('zoom'));
  const olat = parseNumber(p.get('olat'));
  const olng = parseNumber(p.get('olng'));
  const center = hasView ? { lat, lng } : defaults.center || { lat: 35, lng: 105 }; // no city assumed: the configuration gives it
  const area = p.get('practice_area') || '';
  const language = p.get('language') || '';
  const id = p.get('id') || '';
  return {
    center,
    zoom: Number.isInteger(zoom) && zoom >= 3 && zoom <= 20 ? zoom : defaults.zoom || 12,
    hasView,
    origin: validLatLng(olat, olng) ? { lat: olat, lng: olng } : { ...center },
    kinds: codes(p.get('kind')),
    area: CODE.test(area) ? area : '',
    language: /^[a-z]{2,3}$/.test(language) ? language : '',
    openNow: p.get('open_now') === '1' || p.get('open_now') === 'true',
    free: p.get('free') === '1' || p.get('free') === 'true',
    q: (p.get('q') || '').slice(0, MAX_Q),
    label: (p.get('label') || '').trim().slice(0, 60),
    id: ID.test(id) ? id : '',
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
  };
}

const round = (x) => Math.round(x * 1e5) / 1e5;

// serializeState writes the state back; defaults are left out to keep links short.
export function serializeState(s) {
  const p = new URLSearchParams();
  p.set('lat', round(s.center.lat));
  p.set('lng', round(s.center.lng));
  p.set('zoom', s.zoom);
  if (s.origin && (round(s.origin.lat) !== round(s.center.lat) || round(s.origin.lng) !== round(s.center.lng))) {
    p.set('olat', round(s.origin.lat));
    p.set('olng', round(s.origin.lng));
  }
  if (s.kinds.length) p.set('kind', s.kinds.join(','));
  if (s.area) p.set('practice_area', s.area);
  if (s.language) p.set('language', s.language);
  if (s.openNow) p.set('open_now', '1');
  if (s.free) p.set('free', '1');
  if (s.label) p.set('label', s.label);
  if (s.q) p.set('q', s.q);
  if (s.id) p.set('id', s.id);
  if (s.lang !== 'zh') p.set('lang', s.lang);
  return p.toString();
}

// filterParams is the part of the state every provider query shares.
export function filterParams(s) {
  return {
    kind: s.kinds,
    practice_area: s.area,
    language: s.language,
    open_now: s.openNow ? 'true' : '',
    free: s.free ? 'true' : '',
  };
}

export function writeUrl(s) {
  const qs = serializeState(s);
  const url = `${location.pathname}?${qs}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
}
