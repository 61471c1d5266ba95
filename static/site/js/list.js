// list.js: the result list, shared by the citizen page and the widget. It is also the map's text
// alternative: each numbered item matches a numbered marker, and every action the map offers (see a
// record, call it) is a real button or link here. Hover and focus report the item to the map;
// highlight() takes the map's hover back.

import { el, clear } from './dom.js';
import { t, recordName } from './i18n.js';
import { formatDistance, telHref, phoneList } from './format.js';
import { distanceMeters, validLatLng } from './coords.js';
import { openState, printedHours } from './hours.js';
import { kindName, areaName, names } from './vocab.js';
import { kindClass } from './markers.js';

// distanceNode says how far a place is: "约 1.2 公里" for an approximate position (the centre of the area
// its address names), that it is not on the map for one without a position.
export function distanceNode(item, distance) {
  if (item.position === 'unplaced') return el('span', { class: 'result-distance is-unplaced' }, t('result.unplaced'));
  if (!distance) return null;
  if (item.position === 'approximate') {
    return el('span', { class: 'result-distance is-approximate', title: t('result.approximateTitle') }, t('result.distanceApprox', { d: distance }));
  }
  return el('span', { class: 'result-distance' }, t('result.distance', { d: distance }));
}

// distanceOf prefers the API's ground distance and falls back to one computed from the origin, so
// every result shows a distance.
export function distanceOf(item, origin) {
  if (Number.isFinite(item.distance_m)) return item.distance_m;
  if (origin && validLatLng(item.lat, item.lng)) return distanceMeters(origin, item);
  return NaN;
}

export function renderList(ol, items, { origin, onSelect, onHover, selectedId }) {
  clear(ol);
  items.forEach((item, i) => ol.append(renderItem(item, i + 1, { origin, onSelect, onHover, selected: String(item.id) === selectedId })));
}

function renderItem(item, n, { origin, onSelect, onHover, selected }) {
  const name = recordName(item);
  const open = openState(item);
  const distance = formatDistance(distanceOf(item, origin));
  const phones = phoneList(item.phones);
  const tel = phones.length ? telHref(phones[0]) : null;
  const areas = names(item.practice_areas, areaName).slice(0, 3);

  const button = el('button', {
    type: 'button',
    class: 'result-open',
    'aria-current': selected ? 'true' : null,
    on: { click: () => onSelect(item) },
  }, name);

  const li = el('li', { class: `result-item${selected ? ' is-selected' : ''}`, dataset: { id: String(item.id) } },
    el('span', { class: `result-num ${kindClass(item.kind)}`, 'aria-hidden': 'true' }, String(n)),
    el('div', { class: 'result-body' },
      el('h3', { class: 'result-name' }, button),
      el('p', { class: 'result-meta' },
        el('span', { class: 'result-kind' }, kindName(item.kind)),
        distanceNode(item, distance),
        el('span', { class: `open-state open-${open.state}` }, open.text),
        item.free === true ? el('span', { class: 'result-free' }, t('result.free')) : null),
      item.address ? el('p', { class: 'result-address' }, item.address) : null,
      matchedText(item.matched) ? el('p', { class: 'result-matched' }, t('result.matched', { why: matchedText(item.matched) })) : null,
      areas.length ? el('p', { class: 'result-areas' }, areas.join(t('list.sep'))) : null,
      // Printed, the hours stand where "open now" was (loaded by the print button; see panel.js).
      item.hours ? el('p', { class: 'print-only result-print-hours' }, t('print.hours', { hours: printedHours(item.hours) })) : null,
      tel ? el('p', { class: 'result-phone' },
        el('a', { class: 'result-call', href: tel, 'aria-label': t('result.callLabel', { name, phone: phones[0] }) }, phones[0])) : null));

  li.addEventListener('mouseenter', () => onHover(String(item.id)));
  li.addEventListener('mouseleave', () => onHover(''));
  button.addEventListener('focus', () => onHover(String(item.id)));
  button.addEventListener('blur', () => onHover(''));
  // A tap anywhere on the card opens it, except on its own links (the phone number).
  li.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a, button')) return;
    onSelect(item);
  });
  return li;
}

// matchedText is why a search result matched (the API's words, e.g. 业务领域：婚姻家庭), as one line.
export function matchedText(matched) {
  return Array.isArray(matched) ? matched.filter((m) => typeof m === 'string' && m).join(t('list.sep')) : '';
}

// highlight marks the item the map is hovering, and brings it into view inside the list.
export function highlight(ol, id, { scroll = false } = {}) {
  for (const li of ol.querySelectorAll('.result-item')) {
    const on = li.dataset.id === id;
    li.classList.toggle('is-active', on);
    if (on && scroll) li.scrollIntoView({ block: 'nearest' });
  }
}

export function markSelected(ol, id) {
  for (const li of ol.querySelectorAll('.result-item')) {
    const on = li.dataset.id === id;
    li.classList.toggle('is-selected', on);
    const button = li.querySelector('.result-open');
    if (on) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

export function focusItem(ol, id) {
  const li = [...ol.querySelectorAll('.result-item')].find((x) => x.dataset.id === id);
  const button = li && li.querySelector('.result-open');
  if (button) button.focus();
  return !!button;
}
