// i18n.js (admin): the admin pages' language. Every string a person reads comes from
// i18n/admin-zh.js or admin-en.js; Chinese is the default and the choice is remembered per browser.

import zh from '../../i18n/admin-zh.js';
import en from '../../i18n/admin-en.js';

const dictionaries = { zh, en };
const STORE_KEY = 'legalmap.admin.lang';
let current = 'zh';

export function getLang() {
  return current;
}

export function t(key, vars) {
  const s = dictionaries[current][key] ?? dictionaries.zh[key] ?? key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined || vars[k] === null ? m : String(vars[k])));
}

// has says whether a key exists (labels for codes the server may add later fall back to the code).
export function has(key) {
  return key in dictionaries.zh;
}

// names holds the names the directory gives its own codes (kinds, practice areas: vocab.js loads them),
// by "prefix.code", in both languages; they win over the dictionaries, so a kind the bureau renames or adds
// is named as the bureau names it.
const names = new Map();

export function setNames(prefix, list) {
  for (const x of list || []) {
    if (x && typeof x.code === 'string') names.set(`${prefix}.${x.code}`, { zh: x.name_zh || '', en: x.name_en || '' });
  }
}

// label names a code (a kind, status, role, action, field) in the page's language: the directory's own
// name for it, else the dictionary's, else the code itself.
export function label(prefix, code) {
  const key = `${prefix}.${code}`;
  const n = names.get(key);
  if (n && (n[current] || n.zh)) return n[current] || n.zh;
  return has(key) ? t(key) : String(code ?? '');
}

// nameZh is the directory's Chinese name of a code whatever the page's language (what a list or a form
// field holds), else the code.
export function nameZh(prefix, code) {
  const n = names.get(`${prefix}.${code}`);
  return n && n.zh ? n.zh : String(code ?? '');
}

export function initLang() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORE_KEY);
  } catch {
    saved = null;
  }
  setLang(saved === 'en' ? 'en' : 'zh');
}

export function setLang(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem(STORE_KEY, current);
  } catch {
    // private windows may refuse storage; the choice then lasts for this page only
  }
  document.documentElement.lang = t('meta.htmlLang');
  applyI18n(document);
}

export function applyI18n(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
}

const TIME_ZONE = 'Asia/Shanghai';

// when formats a server time in Shenzhen's time zone, in the page language.
export function when(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(t('meta.locale'), {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(d);
}

// day formats a calendar date (YYYY-MM-DD) in the page language.
export function day(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value || ''));
  if (!m) return String(value ?? '');
  return new Intl.DateTimeFormat(t('meta.locale'), { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}
