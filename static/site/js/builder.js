// builder.js: /embed/builder, where a community centre makes its widget without writing code: pick
// the place on the map (click, drag the marker, or "go to" a place), the kinds, language and size,
// and copy an <iframe> snippet or the equivalent <script> loader snippet; a live preview shows the
// widget as it will appear.

import { el, clear, byId, debounce } from './dom.js';
import { t, setLang, setCity, vocabName } from './i18n.js';
import { api, loadConfig, configCenter } from './api.js';
import { setVocab, kinds, practiceAreas } from './vocab.js';
import { validLatLng } from './coords.js';
import { parseNumber } from './state.js';
import { MapView } from './map.js';
import { ViewportLayer } from './layers.js';
import { attachPlaces, placeZoom } from './places.js';
import { kindClass } from './markers.js';
import { embedQuery, iframeSnippet, scriptSnippet } from './snippet.js';

const WIDTHS = ['100%', '320', '360', '400', '480', '600', '800'];
const fix = (x) => x.toFixed(5);

async function main() {
  setLang(new URLSearchParams(location.search).get('lang'));
  const [config, kindList, areas] = await Promise.all([
    loadConfig(),
    api.kinds().catch(() => []),
    api.practiceAreas().catch(() => []),
  ]);
  setVocab({ kinds: kindList, areas });
  setCity(config);
  const s = { origin: configCenter(config), zoom: 14, kinds: [], area: '', lang: 'zh', label: '', width: '100%', height: 560, auto: false };

  const view = new MapView(byId('builder-map'), config, {
    onMapClick: (p) => moveOrigin(p),
    onOriginDrag: (p) => moveOrigin(p, false),
    onMoveEnd: debounce(() => {
      s.zoom = Math.min(18, Math.max(10, view.zoom()));
      byId('builder-zoom').value = String(s.zoom);
      fieldError('builder-zoom', '');
      viewport.refresh();
      update();
    }, 250),
  });
  view.setView(s.origin, s.zoom);
  const viewport = new ViewportLayer(view, {
    load: api.viewport, exclude: () => new Set(), onSelect: (item) => moveOrigin(item), params: () => ({ kind: s.kinds }),
  });
  const drawOrigin = () => view.setOrigin(s.origin, t('builder.originLabel'), { draggable: true });

  function moveOrigin(p, redraw = true) {
    s.origin = { lat: p.lat, lng: p.lng };
    if (redraw) drawOrigin();
    byId('builder-lat').value = fix(s.origin.lat);
    byId('builder-lng').value = fix(s.origin.lng);
    fieldError('builder-lat', '');
    fieldError('builder-lng', '');
    update();
  }

  attachPlaces(byId('builder-place'), byId('builder-place-suggestions'), {
    load: api.places,
    onPick: (place) => {
      view.flyTo(place, placeZoom(place));
      moveOrigin(place);
      if (!s.label) {
        // The label is shown inside the widget, so it takes the widget's language.
        s.label = ((s.lang === 'en' && place.nameEn) || place.nameZh || place.name).slice(0, 60);
        byId('builder-label').value = s.label;
        update();
      }
    },
  });
  byId('builder-form').addEventListener('submit', (e) => e.preventDefault());
  // A value out of range is said next to its field (and the map keeps its place), never dropped silently.
  const onCoord = () => {
    const lat = parseNumber(byId('builder-lat').value);
    const lng = parseNumber(byId('builder-lng').value);
    const latOk = Number.isFinite(lat) && lat >= -90 && lat <= 90;
    const lngOk = Number.isFinite(lng) && lng >= -180 && lng <= 180;
    fieldError('builder-lat', latOk ? '' : 'builder.latInvalid');
    fieldError('builder-lng', lngOk ? '' : 'builder.lngInvalid');
    if (!latOk || !lngOk || !validLatLng(lat, lng)) return;
    view.flyTo({ lat, lng });
    moveOrigin({ lat, lng });
  };
  byId('builder-lat').addEventListener('change', onCoord);
  byId('builder-lng').addEventListener('change', onCoord);
  byId('builder-zoom').addEventListener('change', (e) => {
    const z = parseNumber(e.target.value);
    const ok = Number.isInteger(z) && z >= 10 && z <= 18;
    fieldError('builder-zoom', ok ? '' : 'builder.zoomInvalid', { zoom: s.zoom });
    if (ok) view.setView(s.origin, z);
  });
  byId('builder-label').addEventListener('input', (e) => {
    s.label = e.target.value.trim().slice(0, 60);
    update();
  });
  byId('builder-kinds').addEventListener('change', () => {
    s.kinds = [...byId('builder-kinds').querySelectorAll('input:checked')].map((x) => x.value);
    viewport.refresh();
    update();
  });
  byId('builder-area').addEventListener('change', (e) => {
    s.area = e.target.value;
    update();
  });
  for (const radio of document.querySelectorAll('input[name="builder-lang"]')) {
    radio.addEventListener('change', (e) => {
      s.lang = e.target.value;
      update();
    });
  }
  byId('builder-width').addEventListener('change', (e) => {
    s.width = e.target.value;
    update();
  });
  byId('builder-height').addEventListener('change', (e) => {
    const h = Math.round(parseNumber(e.target.value));
    s.height = Number.isFinite(h) ? Math.min(1200, Math.max(300, h)) : 560;
    fieldError('builder-height', h === s.height ? '' : 'builder.heightAdjusted', { height: s.height });
    e.target.value = String(s.height);
    update();
  });
  byId('builder-autoheight').addEventListener('change', (e) => {
    s.auto = e.target.checked;
    update();
  });
  byId('copy-iframe').addEventListener('click', () => copy(byId('snippet-iframe')));
  byId('copy-script').addEventListener('click', () => copy(byId('snippet-script')));
  byId('lang-switch').addEventListener('click', () => {
    setLang(document.documentElement.lang === 'en' ? 'zh' : 'en');
    renderChoices(s);
    drawOrigin();
    view.relabel();
    rewordErrors();
  });

  // The preview frame follows its posted height when auto height is on, as the loader would.
  const preview = byId('preview');
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (event.source !== preview.contentWindow || event.origin !== location.origin) return;
    if (!s.auto || !msg || msg.type !== 'legalmap:height' || !Number.isFinite(msg.height)) return;
    preview.style.height = `${Math.min(5000, Math.max(200, Math.ceil(msg.height)))}px`;
  });
  const refreshPreview = debounce(() => {
    const q = embedQuery(s);
    if (s.auto) q.set('autoheight', '1');
    const src = `/embed?${q}`;
    if (preview.getAttribute('src') !== src) preview.setAttribute('src', src);
    preview.style.width = s.width === '100%' ? '100%' : `${s.width}px`;
    if (!s.auto) preview.style.height = `${s.height}px`;
  }, 400);

  function update() {
    byId('snippet-iframe').value = iframeSnippet(location.origin, s);
    byId('snippet-script').value = scriptSnippet(location.origin, s);
    refreshPreview();
  }

  renderChoices(s);
  moveOrigin(s.origin);
  byId('builder-zoom').value = String(s.zoom);
  viewport.refresh();
}

function renderChoices(s) {
  const box = clear(byId('builder-kinds'));
  for (const k of kinds()) {
    const id = `builder-kind-${k.code}`;
    box.append(el('div', { class: 'field-check' },
      el('input', { id, type: 'checkbox', value: k.code, checked: s.kinds.includes(k.code) }),
      el('label', { for: id }, el('span', { class: `chip-dot ${kindClass(k.code)}`, 'aria-hidden': 'true' }), ' ', vocabName(k))));
  }
  const area = clear(byId('builder-area'));
  area.append(el('option', { value: '' }, t('filter.anyArea')));
  for (const a of practiceAreas()) area.append(el('option', { value: a.code }, vocabName(a)));
  area.value = s.area;
  const width = clear(byId('builder-width'));
  for (const w of WIDTHS) width.append(el('option', { value: w }, w === '100%' ? t('builder.fullWidth') : t('builder.px', { n: w })));
  width.value = s.width;
}

// fieldError shows (or, with no key, clears) the message under a field and marks the field invalid.
// The message is kept as a key so a language switch words it again.
function fieldError(id, key, vars) {
  const input = byId(id);
  const box = byId(`${id}-error`);
  box.hidden = !key;
  box.textContent = key ? t(key, vars) : '';
  box.dataset.key = key || '';
  box.dataset.vars = key && vars ? JSON.stringify(vars) : '';
  if (key) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function rewordErrors() {
  for (const box of document.querySelectorAll('.field-error')) {
    if (box.dataset.key) box.textContent = t(box.dataset.key, box.dataset.vars ? JSON.parse(box.dataset.vars) : undefined);
  }
}

async function copy(textarea) {
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(textarea.value);
  } catch {
    // Without the clipboard API (an insecure origin, an old browser) the selected text can still be
    // copied by hand; execCommand is the last resort that still works there.
    textarea.focus();
    textarea.select();
    if (!document.execCommand || !document.execCommand('copy')) {
      status.textContent = t('builder.copyManual');
      return;
    }
  }
  status.textContent = t('builder.copied');
}

main();
