// app.js: the citizen map at /. It wires the inputs (one search box that also suggests places,
// use-my-location, map clicks, filters, the language switch, the phone bottom sheet) to the shared
// panel (list, detail, map layers), and mirrors the state in the URL so a link shows the same.

import { byId, debounce } from './dom.js';
import { t, setLang, setCity } from './i18n.js';
import { api, loadConfig, configCenter } from './api.js';
import { setVocab } from './vocab.js';
import { parseState, writeUrl, filterParams } from './state.js';
import { MapView } from './map.js';
import { ResultsPanel } from './panel.js';
import { initFilters, renderFilters } from './filters.js';
import { attachPlaces, placeZoom } from './places.js';
import { locate } from './locate.js';
import { formatDate } from './format.js';

async function main() {
  setLang(new URLSearchParams(location.search).get('lang'));
  const [config, kinds, areas] = await Promise.all([
    loadConfig(),
    api.kinds().catch(() => []),
    api.practiceAreas().catch(() => []),
  ]);
  setVocab({ kinds, areas });
  setCity(config);
  const state = parseState(location.search, { center: configCenter(config), zoom: config.zoom });
  setLang(state.lang);
  // The origin's name: what distances are measured from, said in words above the list.
  let originLabel = state.hasView ? 'origin.chosen' : 'origin.cityCentre';
  let originName = state.label;

  const saveUrl = () => writeUrl(state);
  const view = new MapView(byId('map'), config, {
    onMapClick: (p) => moveOrigin(p, 'origin.point'),
    onMoveEnd: debounce(() => {
      state.center = view.center();
      state.zoom = view.zoom();
      saveUrl();
      panel.refreshViewport();
      showSearchHere();
    }, 250),
    onTilesFailed: () => notice('map.tilesFailed'),
  });
  view.setView(state.center, state.zoom);

  const panel = new ResultsPanel(view, {
    getQuery: () => ({ q: state.q, origin: state.origin, filters: filterParams(state) }),
    onChange: () => {
      state.id = panel.selected;
      saveUrl();
    },
  });

  const drawOrigin = () => {
    const name = originName || t(originLabel);
    view.setOrigin(state.origin, name);
    byId('origin-line').textContent = t('origin.from', { place: name });
  };
  function moveOrigin(p, label, name = '', { fit = false } = {}) {
    state.origin = { lat: p.lat, lng: p.lng };
    originLabel = label;
    originName = name;
    state.label = ''; // a label names the origin it came with, not one chosen since
    drawOrigin();
    saveUrl();
    byId('search-here').hidden = true;
    panel.run({ fit });
  }
  function showSearchHere() {
    const o = view.map.latLngToContainerPoint(view.toDisplay(state.origin.lat, state.origin.lng));
    const c = view.map.getSize().divideBy(2);
    byId('search-here').hidden = o.distanceTo(c) < Math.min(c.x, c.y) * 0.6;
  }

  // Search: Enter runs the keyword search; the same box suggests places to go to while typing.
  const input = byId('search');
  input.value = state.q;
  byId('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    places.cancel();
    state.q = input.value.trim().slice(0, 200);
    if (panel.selected) panel.closeDetail();
    saveUrl();
    panel.run({ fit: !!state.q });
  });
  input.addEventListener('search', () => {
    if (!input.value && state.q) {
      state.q = '';
      saveUrl();
      panel.run();
    }
  });
  const places = attachPlaces(input, byId('place-suggestions'), {
    load: (q, signal) => api.places(q, signal, state.origin),
    onPick: (place) => {
      if (place.providerId) {
        view.flyTo(place, Math.max(view.zoom(), 15));
        panel.select({ id: place.providerId, lat: place.lat, lng: place.lng, name: place.name });
        return;
      }
      input.value = '';
      state.q = '';
      if (place.bbox) view.fitPoints([{ lat: place.bbox[1], lng: place.bbox[0] }, { lat: place.bbox[3], lng: place.bbox[2] }], 16);
      else view.flyTo(place, placeZoom(place));
      moveOrigin(place, 'origin.place', place.name);
    },
  });

  byId('locate').addEventListener('click', () => locate({
    button: byId('locate'),
    onFound: (p) => {
      view.flyTo(p, Math.max(view.zoom(), 14));
      moveOrigin(p, 'origin.me', '', { fit: true });
      clearNotice();
    },
    onError: (key) => notice(key, { again: true }),
  }));
  byId('search-here').addEventListener('click', () => moveOrigin(view.center(), 'origin.mapCentre'));

  initFilters(state, () => {
    saveUrl();
    panel.run({ fit: true });
    panel.refreshViewport();
  });

  byId('lang-switch').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    setLang(state.lang);
    renderFilters(state);
    view.relabel();
    drawOrigin();
    panel.relabel();
    relabelSheet();
    if (shownNotice) byId('notice-text').textContent = t(shownNotice);
    saveUrl();
  });

  // Phone layout: the list is a bottom sheet showing the first results (or the top of an open
  // record); the toggle gives it the whole screen and back. On a desktop the toggle is hidden and
  // the list is a side panel.
  let sheetExpanded = false;
  const sheetToggle = byId('sheet-toggle');
  const relabelSheet = () => {
    sheetToggle.setAttribute('aria-expanded', String(sheetExpanded));
    sheetToggle.textContent = t(sheetExpanded ? 'sheet.collapse' : 'sheet.expand');
  };
  sheetToggle.addEventListener('click', () => {
    sheetExpanded = !sheetExpanded;
    byId('sheet').classList.toggle('is-expanded', sheetExpanded);
    relabelSheet();
  });
  relabelSheet();
  // Printing: the hours of each listed record and the date, instead of "open now" (see print.css).
  window.addEventListener('beforeprint', stampPrintDate);
  byId('print-list').addEventListener('click', async () => {
    const button = byId('print-list');
    button.setAttribute('aria-busy', 'true');
    await panel.hoursForPrint();
    button.removeAttribute('aria-busy');
    stampPrintDate();
    window.print();
  });
  byId('notice-close').addEventListener('click', () => {
    if (shownNotice) dismissed.add(shownNotice);
    clearNotice();
  });

  drawOrigin();
  saveUrl();
  await panel.run();
  panel.refreshViewport();
  if (state.id) panel.select({ id: state.id }, { focus: false });
}

// The notice over the map. A notice the visitor closed stays closed while the page is open (the tile
// failure is reported again on every pan); a location error is an answer to a tap and shows each time.
// Kept in memory only: the public pages keep nothing in storage (test/safety.test.js).
const dismissed = new Set();
let shownNotice = '';

function notice(key, { again = false } = {}) {
  if (!again && dismissed.has(key)) return;
  shownNotice = key;
  byId('notice-text').textContent = t(key);
  byId('notice').hidden = false;
}

function clearNotice() {
  shownNotice = '';
  byId('notice').hidden = true;
  byId('notice-text').textContent = '';
}

function stampPrintDate() {
  byId('print-date').textContent = t('print.date', { date: formatDate(new Date().toISOString()) });
}

main();
