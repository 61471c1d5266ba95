// places.js: "go to" suggestions under a text box (districts, streets, communities, provider names
// from /api/v1/places), as an ARIA 1.2 combobox: typing suggests, arrow keys move, Enter or a tap
// picks, Escape closes. When no suggestion is chosen, Enter is left to the form (the citizen page
// runs its keyword search then), so one box serves both.

import { el, clear } from './dom.js';
import { t, recordName } from './i18n.js';
import { validLatLng } from './coords.js';
import { kindName } from './vocab.js';
import { isAbort } from './api.js';

// normalizePlace reads a place answer, whichever of the usual shapes it takes: lat/lng, a
// center [lat, lng] (as /config gives it), or a GeoJSON point; bbox is minLng,minLat,maxLng,maxLat.
export function normalizePlace(item) {
  if (!item || typeof item !== 'object') return null;
  let lat = Number(item.lat);
  let lng = Number(item.lng);
  if (!validLatLng(lat, lng) && Array.isArray(item.center)) [lat, lng] = item.center.map(Number);
  if (!validLatLng(lat, lng) && item.geometry && Array.isArray(item.geometry.coordinates)) {
    [lng, lat] = item.geometry.coordinates.map(Number);
  }
  if (!validLatLng(lat, lng)) return null;
  const level = String(item.level || item.type || '');
  const bbox = Array.isArray(item.bbox) && item.bbox.length === 4 && item.bbox.every(Number.isFinite) ? item.bbox : null;
  const providerId = level === 'provider' || item.provider_id ? String(item.provider_id || item.id || '') : '';
  const nameZh = typeof item.name === 'string' ? item.name : '';
  const nameEn = typeof item.name_en === 'string' ? item.name_en : '';
  const parent = typeof item.parent === 'string' ? item.parent : (typeof item.parent_name === 'string' ? item.parent_name : '');
  const address = typeof item.address === 'string' ? item.address : '';
  return { name: recordName(item), nameZh, nameEn, level, kind: item.kind || '', parent, address, lat, lng, bbox, providerId };
}

export function levelLabel(place) {
  if (place.providerId) return kindName(place.kind) || t('place.provider');
  const key = `place.${place.level}`;
  const s = t(key);
  return s === key ? '' : s;
}

// The zoom a place is shown at when it comes without a bbox.
export function placeZoom(place) {
  return { district: 13, street: 15, community: 16 }[place.level] || 16;
}

let counter = 0;

export function attachPlaces(input, listbox, { load, onPick, minLength = 1 }) {
  const id = listbox.id || `places-${++counter}`;
  listbox.id = id;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', id);
  input.setAttribute('aria-expanded', 'false');
  listbox.setAttribute('role', 'listbox');
  let options = [];
  let active = -1;
  let controller = null;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i) => {
    active = i;
    listbox.querySelectorAll('[role=option]').forEach((node, j) => node.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${id}-${i}`);
      listbox.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i) => {
    const place = options[i];
    close();
    if (place) onPick(place);
  };
  const show = (places) => {
    options = places;
    clear(listbox);
    places.forEach((p, i) => {
      const label = levelLabel(p);
      listbox.append(el('li', { id: `${id}-${i}`, role: 'option', 'aria-selected': 'false', class: 'place-option',
        on: { click: () => pick(i) } },
      el('span', { class: 'place-name' }, p.name),
      label || p.parent ? el('span', { class: 'place-level' }, [label, p.parent].filter(Boolean).join(' · ')) : null,
      p.address ? el('span', { class: 'place-address' }, p.address) : null));
    });
    listbox.hidden = !places.length;
    input.setAttribute('aria-expanded', String(!!places.length));
    active = -1;
  };
  // cancel drops suggestion work under way: the timer of the last keystroke and a request in flight.
  // Enter runs the search; suggestions arriving after it must not open over its results.
  let timer = 0;
  const cancel = () => {
    clearTimeout(timer);
    timer = 0;
    if (controller) controller.abort();
    controller = null;
    close();
  };
  const suggest = async () => {
    timer = 0;
    const q = input.value.trim();
    if (controller) controller.abort();
    if (q.length < minLength) return show([]);
    const mine = new AbortController();
    controller = mine;
    try {
      const items = await load(q, mine.signal);
      if (controller === mine && !mine.signal.aborted && input.value.trim() === q) show(items.map(normalizePlace).filter(Boolean));
    } catch (err) {
      if (!isAbort(err) && controller === mine) show([]);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 250);
  });
  input.addEventListener('keydown', (e) => {
    const open = !listbox.hidden && options.length;
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((active + 1) % options.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter') cancel();
  });
  // Keep focus in the box while a suggestion is tapped, so the click lands before blur closes it.
  listbox.addEventListener('mousedown', (e) => e.preventDefault());
  input.addEventListener('blur', () => setTimeout(close, 150));
  return { close, cancel };
}
