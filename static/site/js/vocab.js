// vocab.js: the vocabularies the pages name things with: kinds and practice areas come from the API
// (they are data: the bureau may add one), the service languages are a fixed short list named in
// the dictionaries. Unknown codes are shown as they are rather than dropped.

import { t, vocabName } from './i18n.js';

const store = { kinds: [], areas: [] };

// The order of the language filter: the languages a Shenzhen office is likely to offer.
export const LANGUAGE_CODES = ['zh', 'yue', 'en', 'ja', 'ko', 'fr', 'de', 'es', 'ru', 'ar', 'pt', 'vi', 'th'];

export function setVocab({ kinds, areas }) {
  if (Array.isArray(kinds)) store.kinds = kinds.filter((k) => k && typeof k.code === 'string');
  if (Array.isArray(areas)) store.areas = areas.filter((a) => a && typeof a.code === 'string');
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
