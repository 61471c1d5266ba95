// embed.js: the widget at /embed?lat=&lng=&zoom=&kind=&practice_area=&lang=&label=, for a community
// centre's own web page: a compact map and the services nearest to a fixed origin (the centre,
// named by label), a search box within the same kinds and origin, with the same list, detail and map
// layers as the citizen page. It keeps nothing in cookies or storage. Inside a frame it tells its
// parent its height (for the loader script).

import { byId, debounce } from './dom.js';
import { t, setLang, setCity } from './i18n.js';
import { api, loadConfig, configCenter } from './api.js';
import { setVocab } from './vocab.js';
import { parseNumber } from './state.js';
import { validLatLng } from './coords.js';
import { MapView } from './map.js';
import { ResultsPanel } from './panel.js';

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const HEIGHT_MESSAGE = 'legalmap:height';

// widgetParams reads and checks the widget's query string; bad values fall back to defaults.
export function widgetParams(search, config) {
  const p = new URLSearchParams(search);
  const lat = parseNumber(p.get('lat'));
  const lng = parseNumber(p.get('lng'));
  const zoom = parseNumber(p.get('zoom'));
  const area = p.get('practice_area') || '';
  return {
    origin: validLatLng(lat, lng) ? { lat, lng } : configCenter(config),
    zoom: Number.isInteger(zoom) && zoom >= 3 && zoom <= 19 ? zoom : 14,
    kinds: (p.get('kind') || '').split(',').map((s) => s.trim()).filter((s) => CODE.test(s)).slice(0, 10),
    area: CODE.test(area) ? area : '',
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    label: (p.get('label') || '').trim().slice(0, 60),
    autoHeight: p.get('autoheight') === '1',
  };
}

async function main() {
  setLang(new URLSearchParams(location.search).get('lang'));
  const [config, kinds, areas] = await Promise.all([
    loadConfig(),
    api.kinds().catch(() => []),
    api.practiceAreas().catch(() => []),
  ]);
  setVocab({ kinds, areas });
  setCity(config);
  const w = widgetParams(location.search, config);
  setLang(w.lang);
  document.body.classList.toggle('auto-height', w.autoHeight);
  byId('widget-title').textContent = w.label || t('embed.title');
  const originName = w.label || t('embed.origin');
  byId('origin-line').textContent = t('origin.from', { place: originName });

  // The search box looks within the widget's kinds and area, ranked from its origin; an empty search
  // lists the nearest again.
  let q = '';
  const input = byId('search');
  byId('widget-search').addEventListener('submit', (e) => {
    e.preventDefault();
    q = input.value.trim().slice(0, 200);
    if (panel.selected) panel.closeDetail();
    linkFull(w, q);
    panel.run();
  });
  input.addEventListener('search', () => {
    if (!input.value && q) {
      q = '';
      linkFull(w, q);
      panel.run();
    }
  });
  linkFull(w, q);

  const view = new MapView(byId('map'), config, {
    onMoveEnd: debounce(() => panel.refreshViewport(), 250),
  });
  view.setView(w.origin, w.zoom);
  // The label names the place the widget is centred on: shown on the map for everyone to see.
  view.setOrigin(w.origin, originName, { permanent: !!w.label });

  const panel = new ResultsPanel(view, {
    getQuery: () => ({ q, origin: w.origin, filters: { kind: w.kinds, practice_area: w.area }, limit: 10 }),
  });
  reportHeight();
  await panel.run();
  panel.refreshViewport();
}

// fullMapQuery is where "open the full map" goes: the same origin (with its label), the kinds and area,
// the language and the words searched.
function fullMapQuery(w, q = '') {
  const full = new URLSearchParams({ lat: w.origin.lat.toFixed(5), lng: w.origin.lng.toFixed(5), zoom: String(w.zoom) });
  full.set('olat', w.origin.lat.toFixed(5));
  full.set('olng', w.origin.lng.toFixed(5));
  if (w.label) full.set('label', w.label);
  if (w.kinds.length) full.set('kind', w.kinds.join(','));
  if (w.area) full.set('practice_area', w.area);
  if (q) full.set('q', q);
  if (w.lang !== 'zh') full.set('lang', w.lang);
  return full;
}

function linkFull(w, q) {
  byId('open-full').setAttribute('href', `/?${fullMapQuery(w, q)}`);
}

// reportHeight posts the widget's natural height to the embedding page whenever it changes. The
// message holds a number only, so any parent may read it; the loader checks where it came from.
function reportHeight() {
  if (window.parent === window) return;
  const widget = byId('widget');
  let last = 0;
  const post = () => {
    const height = Math.ceil(widget.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(post).observe(widget);
  post();
}

main();
