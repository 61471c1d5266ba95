// i18n.js: the page language. Every string a person reads comes from one of the two dictionaries
// (site/i18n/zh.js, en.js); markup names its strings with data-i18n* attributes and code calls t().
// Chinese is the default; a record's own fields are shown in English only where the record has them.

import zh from '../i18n/zh.js';
import en from '../i18n/en.js';

const dictionaries = { zh, en };
let current = 'zh';
// The city the site serves, named in titles ({city}): from /api/v1/config, so no page names a city.
const city = { zh: '', en: '' };

export function normalizeLang(value) {
  return value === 'en' ? 'en' : 'zh';
}

export function getLang() {
  return current;
}

// setLang switches the dictionary and the document's lang attribute (screen readers pick the voice
// from it) and re-labels the static markup.
export function setLang(lang, root) {
  current = normalizeLang(lang);
  if (typeof document === 'undefined') return; // unit tests run without a page
  document.documentElement.lang = t('meta.htmlLang');
  applyI18n(root || document);
}

// t looks a key up in the current dictionary, falling back to Chinese, then to the key itself (a
// missing string shows up as its key instead of silently vanishing). {name} placeholders are filled
// from vars as plain text.
export function t(key, vars) {
  const s = dictionaries[current][key] ?? dictionaries.zh[key] ?? key;
  return fill(s, current, vars);
}

function fill(s, lang, vars) {
  const all = { city: cityName(lang), ...(vars || {}) };
  return s.replace(/\{(\w+)\}/g, (m, k) => (all[k] === undefined || all[k] === null ? m : String(all[k])));
}

// cityName is the city in a language, as titles say it: 深圳 (not 深圳市) before 法治地图, "Shenzhen" in
// English; '' before the configuration is known.
export function cityName(lang) {
  if (lang === 'en') return city.en || city.zh;
  return city.zh.replace(/市$/, '');
}

// setCity takes the city's names from the page's configuration and relabels the page.
export function setCity(config) {
  city.zh = typeof config.city_name_zh === 'string' ? config.city_name_zh : '';
  city.en = typeof config.city_name_en === 'string' ? config.city_name_en : '';
  if (typeof document !== 'undefined') applyI18n(document);
}

// tIn looks a key up in a given language, whatever the page's (the builder writes snippets in the
// widget's language).
export function tIn(lang, key, vars) {
  const l = normalizeLang(lang);
  return fill(dictionaries[l][key] ?? dictionaries.zh[key] ?? key, l, vars);
}

const ATTRS = [
  ['i18nAriaLabel', 'aria-label'],
  ['i18nPlaceholder', 'placeholder'],
  ['i18nTitle', 'title'],
];

export function applyI18n(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [data, attr] of ATTRS) {
    const sel = `[data-${data.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}]`;
    for (const node of root.querySelectorAll(sel)) node.setAttribute(attr, t(node.dataset[data]));
  }
}

export function locale() {
  return t('meta.locale');
}

// recordName is the record's name in the page language when it has one.
export function recordName(rec) {
  if (!rec) return '';
  if (current === 'en' && rec.name_en) return rec.name_en;
  return rec.name || rec.name_en || '';
}

// otherName is the record's name in the other language, when it differs: shown small under the
// main one so a visitor can match the sign on the door.
export function otherName(rec) {
  if (!rec || !rec.name_en || rec.name_en === rec.name) return '';
  return current === 'en' ? rec.name : rec.name_en;
}

// vocabName names a vocabulary item ({code, name_zh, name_en}) in the page language.
export function vocabName(item) {
  if (!item) return '';
  if (current === 'en') return item.name_en || item.name_zh || item.code || '';
  return item.name_zh || item.name_en || item.code || '';
}

