// markers.js: how things look on the map: the origin, numbered result markers, plain points and
// cluster bubbles. Icons are Leaflet divIcons given DOM nodes (never HTML strings), coloured by CSS
// classes per kind (css/map.css), and kept out of the tab order: the result list is the map's text
// alternative and carries every action.

import { el } from './dom.js';
import { kindSymbol } from './vocab.js';

const L = window.L;
const KIND = /^[a-z][a-z0-9_]{0,39}$/;

export function kindClass(kind) {
  return KIND.test(kind || '') ? `kind-${kind}` : 'kind-other';
}

export function originIcon() {
  return L.divIcon({
    className: 'origin-marker',
    html: el('span', { class: 'origin-dot', 'aria-hidden': 'true' }),
    iconSize: [26, 26],
    iconAnchor: [13, 13],
  });
}

// resultIcon is a numbered marker; an approximate position (the centre of the area the address names)
// is drawn dashed and hollow, so it is not taken for the door.
export function resultIcon(n, kind, approximate = false) {
  return L.divIcon({
    className: `result-marker ${kindClass(kind)}${approximate ? ' is-approximate' : ''}`,
    html: el('span', { class: 'result-marker-num', 'aria-hidden': 'true' }, String(n)),
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    tooltipAnchor: [0, -15],
  });
}

export function selectedIcon(kind, approximate = false) {
  return L.divIcon({
    className: `result-marker is-selected ${kindClass(kind)}${approximate ? ' is-approximate' : ''}`,
    html: el('span', { class: 'result-marker-num', 'aria-hidden': 'true' }, kindSymbol(kind) || '•'),
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    tooltipAnchor: [0, -15],
  });
}

export function clusterIcon(count) {
  const size = count < 10 ? 34 : count < 100 ? 42 : 52;
  const band = count < 10 ? 's' : count < 100 ? 'm' : 'l';
  return L.divIcon({
    className: `cluster-marker cluster-${band}`,
    html: el('span', { class: 'cluster-count', 'aria-hidden': 'true' }, count > 999 ? '999+' : String(count)),
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

// pointMarker is a small circle for a record in view that is not in the list.
export function pointMarker(latlng, kind, approximate = false) {
  return L.circleMarker(latlng, {
    radius: 7,
    className: `point-marker ${kindClass(kind)}${approximate ? ' is-approximate' : ''}`,
    bubblingMouseEvents: false,
  });
}

// tooltipNode is the hover label of a marker: the name as text.
export function tooltipNode(text, extra) {
  return el('span', { class: 'marker-tooltip' }, text, extra ? el('span', { class: 'marker-tooltip-extra' }, extra) : null);
}
