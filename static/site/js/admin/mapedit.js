// mapedit.js (admin): a small map with one draggable marker for a record's point. Records are WGS84;
// when the tiles are drawn in GCJ-02 the marker is shifted for display and every drag is shifted back,
// so the form only ever holds WGS84. Without Leaflet (vendor files not built) the map is left out and
// the latitude and longitude fields still work.

import { el } from '../dom.js';
import { wgs84ToGcj02, gcj02ToWgs84 } from '../coords.js';
import { t } from './i18n.js';

export function pointMap(container, config, point, onMove) {
  const L = window.L;
  if (!L || !config) {
    container.hidden = true;
    return { set() {} };
  }
  const gcj = config.tile_crs === 'gcj02';
  const toDisplay = (p) => (gcj ? wgs84ToGcj02(p.lat, p.lng) : p);
  const fromDisplay = (ll) => (gcj ? gcj02ToWgs84(ll.lat, ll.lng) : { lat: ll.lat, lng: ll.lng });
  const centre = point || { lat: config.center[0], lng: config.center[1] };
  const map = L.map(container, { attributionControl: false, maxZoom: config.max_zoom || 19 });
  if (typeof config.tile_url === 'string' && /^https?:\/\//.test(config.tile_url)) {
    L.tileLayer(config.tile_url, { maxZoom: config.max_zoom || 19, referrerPolicy: 'strict-origin-when-cross-origin' }).addTo(map);
  }
  const d = toDisplay(centre);
  map.setView([d.lat, d.lng], point ? 16 : config.zoom || 11);
  const icon = L.divIcon({ className: 'edit-marker', html: el('span', { class: 'edit-marker-dot' }), iconSize: [28, 28], iconAnchor: [14, 14] });
  const marker = L.marker([d.lat, d.lng], { draggable: true, icon, keyboard: true, title: t('editor.dragHint') }).addTo(map);
  const report = (ll) => {
    const p = fromDisplay(ll);
    onMove({ lat: round(p.lat), lng: round(p.lng) });
  };
  marker.on('dragend', () => report(marker.getLatLng()));
  map.on('click', (e) => {
    marker.setLatLng(e.latlng);
    report(e.latlng);
  });
  container.setAttribute('aria-label', t('editor.mapLabel'));
  return {
    set(p) {
      if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) return;
      const q = toDisplay(p);
      marker.setLatLng([q.lat, q.lng]);
      map.panTo([q.lat, q.lng]);
    },
  };
}

// round keeps six decimals: about 10 cm, finer than any source's survey.
function round(v) {
  return Math.round(v * 1e6) / 1e6;
}
