// layers.js: what is drawn on the map. ResultsLayer holds the numbered markers of the list (the
// same numbers as the list, so the two read together) and the selected record; ViewportLayer holds
// everything else in view, as the API returns it for the viewport: plain points, or count bubbles
// when many points are close (the server clusters; clicking a bubble zooms in).

import { t, recordName } from './i18n.js';
import { validLatLng } from './coords.js';
import { resultIcon, selectedIcon, clusterIcon, pointMarker, tooltipNode } from './markers.js';
import { isAbort } from './api.js';

const L = window.L;

export class ResultsLayer {
  constructor(view, handlers) {
    this.view = view;
    this.handlers = handlers;
    this.group = L.layerGroup().addTo(view.map);
    this.markers = new Map();
    this.items = [];
    this.selected = null;
    this.selectedMarker = null;
    this.activeId = '';
  }

  set(items) {
    this.group.clearLayers();
    this.markers.clear();
    this.items = items;
    items.forEach((item, i) => {
      if (!validLatLng(item.lat, item.lng)) return;
      const m = L.marker(this.view.toDisplay(item.lat, item.lng), {
        icon: resultIcon(i + 1, item.kind, item.position === 'approximate'),
        keyboard: false,
        zIndexOffset: 1000,
        riseOnHover: true,
      });
      m.bindTooltip(tooltipNode(`${i + 1}. ${recordName(item)}`), { direction: 'top' });
      m.on('click', () => this.handlers.onSelect(item));
      m.on('mouseover', () => this.handlers.onHover(item.id));
      m.on('mouseout', () => this.handlers.onHover(''));
      m.addTo(this.group);
      this.markers.set(String(item.id), m);
    });
    this.select(this.selected);
    this.highlight(this.activeId);
  }

  ids() {
    return new Set(this.markers.keys());
  }

  highlight(id) {
    this.activeId = id ? String(id) : '';
    for (const [key, m] of this.markers) {
      const node = m.getElement();
      const on = key === this.activeId;
      if (node) node.classList.toggle('is-active', on);
      m.setZIndexOffset(on ? 1500 : 1000);
    }
  }

  // select marks the chosen record: its numbered marker when it is in the list, else a marker of
  // its own (a record chosen from the viewport points or from a link).
  select(item) {
    this.selected = item || null;
    const id = item ? String(item.id) : '';
    for (const [key, m] of this.markers) {
      const node = m.getElement();
      if (node) node.classList.toggle('is-selected', key === id);
    }
    if (this.selectedMarker) {
      this.selectedMarker.remove();
      this.selectedMarker = null;
    }
    if (item && !this.markers.has(id) && validLatLng(item.lat, item.lng)) {
      this.selectedMarker = L.marker(this.view.toDisplay(item.lat, item.lng), {
        icon: selectedIcon(item.kind, item.position === 'approximate'),
        keyboard: false,
        zIndexOffset: 1800,
      }).bindTooltip(tooltipNode(recordName(item)), { direction: 'top' });
      this.selectedMarker.addTo(this.view.map);
    }
  }
}

export class ViewportLayer {
  // load(params, signal) fetches the viewport GeoJSON; exclude() names the ids already drawn as
  // list markers.
  constructor(view, { load, exclude, onSelect, params }) {
    this.view = view;
    this.load = load;
    this.exclude = exclude;
    this.onSelect = onSelect;
    this.params = params;
    this.group = L.layerGroup().addTo(view.map);
    this.controller = null;
    this.last = null;
  }

  async refresh() {
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const fc = await this.load({ ...this.params(), bbox: this.view.bbox().join(','), zoom: this.view.zoom() }, controller.signal);
      if (controller.signal.aborted) return;
      this.last = fc;
      this.draw();
    } catch (err) {
      // The viewport layer is context only: the list still works, so a failure just leaves it empty.
      if (!isAbort(err)) this.group.clearLayers();
    }
  }

  draw() {
    this.group.clearLayers();
    const features = this.last && Array.isArray(this.last.features) ? this.last.features : [];
    const skip = this.exclude();
    for (const f of features) {
      const c = f && f.geometry && f.geometry.type === 'Point' ? f.geometry.coordinates : null;
      if (!Array.isArray(c) || !validLatLng(c[1], c[0])) continue;
      const props = f.properties || {};
      const latlng = this.view.toDisplay(c[1], c[0]);
      if (props.cluster) this.drawCluster(latlng, props);
      else {
        const id = props.id ?? f.id;
        if (id === undefined || skip.has(String(id))) continue;
        const item = { ...props, id, lat: c[1], lng: c[0] };
        const point = pointMarker(latlng, item.kind, props.approximate === true)
          .bindTooltip(tooltipNode(recordName(item)), { direction: 'top' })
          .on('click', () => this.onSelect(item))
          .addTo(this.group);
        // Leaflet gives the point's SVG path focus listeners (for its tooltip), and Chromium makes an SVG
        // element with focus listeners a Tab stop: hundreds of them before the list. The list is the
        // map's text alternative, so the points stay out of the tab order, as the markers do.
        const node = point.getElement();
        if (node) node.setAttribute('tabindex', '-1');
      }
    }
  }

  drawCluster(latlng, props) {
    const count = Math.max(0, Math.floor(Number(props.count) || 0));
    const map = this.view.map;
    const marker = L.marker(latlng, { icon: clusterIcon(count), keyboard: false, zIndexOffset: 500 });
    marker.bindTooltip(tooltipNode(t('map.cluster', { n: count })), { direction: 'top' });
    marker.on('click', () => {
      const z = Number(props.expansion_zoom);
      const next = Number.isInteger(z) && z > map.getZoom() ? z : map.getZoom() + 2;
      map.setView(latlng, Math.min(next, map.getMaxZoom()));
    });
    marker.addTo(this.group);
  }
}
