// vocab.js: the vocabularies the pages name things with: kinds and practice areas come from the API
// (they are data: the bureau may add one), the service languages are a fixed short list named in
// the dictionaries. Unknown codes are shown as they are rather than dropped.

import { t, vocabName } from './i18n.js';

const store = { kinds: [], areas: [] };

// The order of the language filter: the languages an office in a Chinese city is likely to offer.
export const LANGUAGE_CODES = ['zh', 'yue', 'en', 'ja', 'ko', 'fr', 'de', 'es', 'ru', 'ar', 'pt', 'vi', 'th'];

export function setVocab({ kinds, areas }) {
  if (Array.isArray(kinds)) {
    store.kinds = kinds.filter((k) => k && typeof k.code === 'string');
    kindStyles(store.kinds);
  }
  if (Array.isArray(areas)) store.areas = areas.filter((a) => a && typeof a.code === 'string');
}

const KIND_CODE = /^[a-z][a-z0-9_]{0,39}$/;
const COLOUR = /^#[0-9a-f]{6}$/;
let kindSheet = null;

// kindStyles gives each kind its colour from the API (a kind the bureau added has one too): a
// constructed style sheet of one rule per kind, from codes and colours checked against strict patterns,
// so nothing from the data is written into the page as markup.
function kindStyles(list) {
  if (typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const rules = list
    .filter((k) => KIND_CODE.test(k.code) && COLOUR.test(k.colour || ''))
    .map((k) => `.kind-${k.code} { --kind-color: ${k.colour}; } .point-marker.kind-${k.code} { fill: ${k.colour}; }`)
    .join('\n');
  if (!kindSheet) {
    kindSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, kindSheet];
  }
  kindSheet.replaceSync(rules);
}

// kindSymbol is the one or two characters a kind's marker shows.
export function kindSymbol(code) {
  const item = store.kinds.find((k) => k.code === code);
  return item && typeof item.symbol === 'string' ? item.symbol.slice(0, 2) : '';
}

export function kinds() {
  return store.kinds;
}

export function practiceAreas() {
  return store.areas;
}

export function kindName(code) {
  const item = store.kinds.find((k) => k.code === code);
  if (item) return vocabName(item);
  const key = `kind.${code}`;
  const s = t(key);
  return s === key ? String(code || '') : s;
}

export function areaName(code) {
  const item = store.areas.find((a) => a.code === code);
  return item ? vocabName(item) : String(code || '');
}

export function languageName(code) {
  const key = `language.${code}`;
  const s = t(key);
  return s === key ? String(code || '') : s;
}

export function roleName(code) {
  const key = `role.${code}`;
  const s = t(key);
  return s === key ? String(code || '') : s;
}

// names maps a list of codes through a namer and drops empties; non-arrays give [].
export function names(codes, namer) {
  return Array.isArray(codes) ? codes.filter((c) => typeof c === 'string' && c).map(namer) : [];
}
