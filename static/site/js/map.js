// map.js: the Leaflet map shared by the citizen page, the widget and the builder: tiles from the
// configured URL, attribution as text, zoom buttons in the page language, the origin marker, and the
// one place where coordinates cross between the records' WGS84 and the tiles' datum. With gcj02
// tiles every marker is shifted to GCJ-02 for display and every click is shifted back, so the rest
// of the code only ever sees WGS84. When tiles cannot load, the map keeps a plain background and
// everything drawn on it keeps working.

import { el } from './dom.js';
import { t } from './i18n.js';
import { wgs84ToGcj02, gcj02ToWgs84 } from './coords.js';
import { originIcon, tooltipNode } from './markers.js';
import { api } from './api.js';

const L = window.L;
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export class MapView {
  constructor(container, config, handlers = {}) {
    this.handlers = handlers;
    this.gcj = config.tile_crs === 'gcj02';
    this.container = container;
    this.map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      minZoom: 3,
      maxZoom: config.max_zoom || 19,
      keyboardPanDelta: 120,
    });
    this.addTiles(config);
    this.addControls(config);
    this.map.on('click', (e) => handlers.onMapClick && handlers.onMapClick(this.fromDisplay(e.latlng)));
    this.map.on('moveend', () => handlers.onMoveEnd && handlers.onMoveEnd());
    this.origin = null;
  }

  // toDisplay maps a WGS84 point to where it is drawn on these tiles.
  toDisplay(lat, lng) {
    const p = this.gcj ? wgs84ToGcj02(lat, lng) : { lat, lng };
    return L.latLng(p.lat, p.lng);
  }

  fromDisplay(latlng) {
    return this.gcj ? gcj02ToWgs84(latlng.lat, latlng.lng) : { lat: latlng.lat, lng: latlng.lng };
  }

  addTiles(config) {
    if (typeof config.tile_url !== 'string' || !/^https?:\/\//.test(config.tile_url)) {
      this.container.classList.add('tiles-failed');
      this.drawOutlines();
      return;
    }
    let loaded = 0;
    let failed = 0;
    const layer = L.tileLayer(config.tile_url, {
      maxZoom: config.max_zoom || 19,
      errorTileUrl: BLANK_TILE,
      // Tile servers such as OpenStreetMap's refuse requests without a Referer, whatever the page's
      // own Referrer-Policy says; the origin alone is enough for them.
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    layer.on('tileload', (e) => {
      // A failed tile is replaced by the blank one, whose load is no sign that the server answers.
      if (e.tile && e.tile.src === BLANK_TILE) return;
      loaded++;
      this.container.classList.remove('tiles-failed');
    });
    layer.on('tileerror', () => {
      failed++;
      if (failed >= 4 && loaded === 0) {
        this.container.classList.add('tiles-failed');
        this.drawOutlines();
        if (this.handlers.onTilesFailed) this.handlers.onTilesFailed();
      }
    });
    layer.addTo(this.map);
  }

  // drawOutlines draws the loaded districts' outlines (from the API, in the tiles' datum) as a light base
  // layer, once, so that a map whose tiles cannot load never stands empty.
  drawOutlines() {
    if (this.outlines) return;
    this.outlines = L.layerGroup().addTo(this.map);
    api.outlines(this.gcj ? 'gcj02' : 'wgs84').then((fc) => {
      if (!fc || !Array.isArray(fc.features)) return;
      L.geoJSON(fc, {
        interactive: false,
        style: (f) => ({ className: `area-outline${f.properties && f.properties.approximate ? ' is-approximate' : ''}` }),
      }).addTo(this.outlines);
      this.container.classList.add('has-outlines');
    }).catch(() => {});
  }

  addControls(config) {
    const text = typeof config.tile_attribution === 'string' ? config.tile_attribution : '';
    const Attribution = L.Control.extend({
      options: { position: 'bottomright' },
      onAdd() {
        const box = el('div', { class: 'map-attribution' });
        // OpenStreetMap's licence asks for a link to its copyright page next to the credit.
        if (/openstreetmap/i.test(text)) {
          box.append(el('a', { href: 'https://www.openstreetmap.org/copyright', target: '_blank', rel: 'noopener noreferrer' }, text));
        } else box.textContent = text;
        L.DomEvent.disableClickPropagation(box);
        return box;
      },
    });
    if (text) new Attribution().addTo(this.map);
    this.relabel();
  }

  // relabel puts the zoom buttons' names in the page language (called again on a language switch).
  relabel() {
    if (this.zoomControl) this.zoomControl.remove();
    this.zoomControl = L.control.zoom({ position: 'topright', zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') });
    this.zoomControl.addTo(this.map);
    this.container.setAttribute('aria-label', t('map.label'));
  }

  setView(point, zoom) {
    this.map.setView(this.toDisplay(point.lat, point.lng), zoom ?? this.map.getZoom(), { animate: false });
  }

  flyTo(point, zoom) {
    this.map.setView(this.toDisplay(point.lat, point.lng), zoom ?? this.map.getZoom());
  }

  center() {
    return this.fromDisplay(this.map.getCenter());
  }

  zoom() {
    return this.map.getZoom();
  }

  // bbox is the view in WGS84 as minLng,minLat,maxLng,maxLat, clamped to valid ranges.
  bbox() {
    const b = this.map.getBounds();
    const sw = this.fromDisplay(b.getSouthWest());
    const ne = this.fromDisplay(b.getNorthEast());
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const r = (v) => Math.round(v * 1e5) / 1e5;
    return [r(clamp(sw.lng, -180, 180)), r(clamp(sw.lat, -90, 90)), r(clamp(ne.lng, -180, 180)), r(clamp(ne.lat, -90, 90))];
  }

  contains(point) {
    return this.map.getBounds().pad(-0.05).contains(this.toDisplay(point.lat, point.lng));
  }

  // fitPoints shows all points (WGS84), not zooming closer than maxZoom.
  fitPoints(points, maxZoom = 16) {
    const ll = points.filter(Boolean).map((p) => this.toDisplay(p.lat, p.lng));
    if (!ll.length) return;
    if (ll.length === 1) this.map.setView(ll[0], Math.max(this.map.getZoom(), 14));
    else this.map.fitBounds(L.latLngBounds(ll), { padding: [30, 30], maxZoom });
  }

  // setOrigin draws the point distances are measured from, labelled for sighted users by a tooltip
  // (permanent in the widget, where it names the community centre).
  setOrigin(point, label, opts = {}) {
    this.origin = point;
    const latlng = this.toDisplay(point.lat, point.lng);
    if (!this.originMarker) {
      this.originMarker = L.marker(latlng, {
        icon: originIcon(),
        keyboard: false,
        draggable: !!opts.draggable,
        zIndexOffset: 2000,
        autoPan: true,
      }).addTo(this.map);
      this.originMarker.on('dragend', () => {
        const p = this.fromDisplay(this.originMarker.getLatLng());
        this.origin = p;
        if (this.handlers.onOriginDrag) this.handlers.onOriginDrag(p);
      });
    } else this.originMarker.setLatLng(latlng);
    this.originMarker.unbindTooltip();
    if (label) {
      this.originMarker.bindTooltip(tooltipNode(label), {
        permanent: !!opts.permanent,
        direction: 'top',
        offset: [0, -12],
        className: 'origin-tooltip',
      });
    }
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
