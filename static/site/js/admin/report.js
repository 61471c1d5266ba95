// report.js (admin): an import report as the pipeline wrote it, shown whole and in words: its facts (kind,
// mode, coordinate system, outcome, time taken …) named in the page's language, then every list in it
// (rejected rows, warnings, dropped columns…) as a table of line, field and reason. Codes stay in the JSON
// report; here each known value goes through its formatter, and a list or fact the report gains later
// still shows, under its own name.

import { el } from '../dom.js';
import { t, label, has, getLang } from './i18n.js';
import { table } from './ui.js';

const MAX_ROWS = 1000;

// What is bookkeeping of the run, not news for staff: said elsewhere (dry_run is the status) or only read
// by machines and benchmarks (the time of each phase).
const HIDDEN = new Set(['dry_run', 'vouched', 'phase_ms', 'ids_from']);

const number = (n) => (typeof n === 'number' ? n.toLocaleString(t('meta.locale')) : String(n));
const seconds = (ms) => (ms < 100 ? t('report.underTenth')
  : t('report.seconds', { s: (Math.round(ms / 100) / 10).toLocaleString(t('meta.locale')) }));

// FACTS formats the value of each known fact (given the whole report); others are shown by plainText.
const FACTS = {
  // A run without a source name is its kind's own list (the pipeline's default source is the kind's code).
  source: (v, r) => (v === r.kind ? t('report.kindList', { kind: label('kind', v) }) : String(v)),
  kind: (v) => label('kind', v),
  mode: (v) => label('mode', v),
  crs: (v) => (v ? label('crs', v) : t('report.crsNone')), // none: no coordinates, or refused for want of one
  status: (v) => label('run', v),
  format: (v) => label('format', v),
  // People's ids come from name and organisation (ids_from), places' from name and address.
  ids_derived: (v, r) => (!v ? t('value.no')
    : t(r.ids_from === 'name_organisation' ? 'report.idsDerivedPeople' : 'report.idsDerivedYes')),
  elapsed_ms: (v) => seconds(v),
  run_id: (v) => String(v),
  refusal: (v) => inLanguage(String(v)),
  rows_per_second: (v) => t('report.rate', { n: number(Math.round(v)) }),
};

export function reportView(report) {
  if (!report || typeof report !== 'object') return el('p', null, t('report.none'));
  const box = el('div', { class: 'report' });
  const facts = [];
  for (const [key, value] of Object.entries(report)) {
    if (HIDDEN.has(key)) continue;
    if (Array.isArray(value)) box.append(listView(key, value));
    else if (key === 'columns' && value && typeof value === 'object') box.append(columnsView(value));
    else if (value && typeof value === 'object') box.append(objectView(key, value));
    else facts.push(el('dt', null, label('report', key)), el('dd', { 'data-fact': key }, (FACTS[key] || plainText)(value, report)));
  }
  if (facts.length) box.prepend(el('dl', { class: 'report-facts' }, facts));
  return box;
}

// fieldName names a field of the file (lng, phone, source_id …) as the page names it; a dropped column's
// "field" is the file's own header, shown as written.
function fieldName(code) {
  return has(`field.${code}`) ? label('field', code) : code;
}

function listView(key, items) {
  const title = `${label('report', key)} (${number(items.length)})`;
  if (!items.length) return el('p', null, title);
  if (items.every((x) => typeof x !== 'object' || x === null)) {
    return el('div', { class: 'report-section', 'data-report': key }, el('h5', null, title),
      el('ul', { class: 'report-list' }, items.slice(0, MAX_ROWS).map((x) => el('li', null, String(x)))));
  }
  const cols = [];
  for (const item of items.slice(0, MAX_ROWS)) for (const k of Object.keys(item || {})) if (!cols.includes(k)) cols.push(k);
  const cell = (c, v) => {
    if (c === 'field' && typeof v === 'string') return fieldName(v);
    if (c === 'reason' && typeof v === 'string') return inLanguage(v);
    return plainText(v);
  };
  const rows = items.slice(0, MAX_ROWS).map((item) => cols.map((c) => cell(c, item && item[c])));
  const more = items.length > MAX_ROWS ? el('p', null, t('report.more', { n: items.length - MAX_ROWS })) : null;
  return el('div', { class: 'report-section', 'data-report': key }, table(title, cols.map((c) => label('report', c)), rows), more);
}

// columnsView: which header of the file each field was read from.
function columnsView(columns) {
  return el('div', { class: 'report-section', 'data-report': 'columns' }, el('h5', null, label('report', 'columns')),
    el('dl', { class: 'report-facts' }, Object.entries(columns).flatMap(([f, header]) => [el('dt', null, fieldName(f)), el('dd', null, String(header))])));
}

function objectView(key, obj) {
  return el('div', { class: 'report-section', 'data-report': key }, el('h5', null, label('report', key)),
    el('dl', { class: 'report-facts' }, Object.entries(obj).flatMap(([k, v]) => [el('dt', null, label('report', k)), el('dd', null, plainText(v))])));
}

// inLanguage keeps the page's half of a reason the pipeline wrote in both languages ("中文 / English"):
// the first " / " outside 「」 and brackets (which quote the file's own values) divides them. A reason
// with no such divide is shown whole.
export function inLanguage(text, lang = getLang()) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('「（(“'.includes(c)) depth++;
    else if ('」）)”'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(' / ', i)) {
      const zh = text.slice(0, i).trim();
      const en = text.slice(i + 3).trim();
      if (zh && en) return lang === 'en' ? en : zh;
    }
  }
  return text;
}

// plainText shows a value without its JSON: yes/no, numbers in the page's locale, lists joined.
function plainText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? t('value.yes') : t('value.no');
  if (typeof v === 'number') return number(v);
  if (Array.isArray(v)) return v.map(plainText).join('、');
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${label('report', k)}: ${plainText(x)}`).join('；');
  return String(v);
}
