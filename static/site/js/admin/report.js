// report.js (admin): an import report as the pipeline wrote it, shown whole: its figures, then every
// list in it (rejected rows, warnings, dropped columns…) as a table of line, field and reason. It
// reads the report's shape instead of assuming one, so a new list in the report shows up unasked.

import { el } from '../dom.js';
import { t, label } from './i18n.js';
import { table } from './ui.js';

const MAX_ROWS = 1000;

export function reportView(report) {
  if (!report || typeof report !== 'object') return el('p', null, t('report.none'));
  const box = el('div', { class: 'report' });
  const facts = [];
  for (const [key, value] of Object.entries(report)) {
    if (Array.isArray(value)) box.append(listView(key, value));
    else if (value && typeof value === 'object') box.append(objectView(key, value));
    else facts.push(el('dt', null, label('report', key)), el('dd', null, String(value)));
  }
  if (facts.length) box.prepend(el('dl', { class: 'report-facts' }, facts));
  return box;
}

function listView(key, items) {
  const title = `${label('report', key)} (${items.length})`;
  if (!items.length) return el('p', null, title);
  if (items.every((x) => typeof x !== 'object' || x === null)) {
    return el('div', null, el('h5', null, title), el('ul', { class: 'report-list' }, items.slice(0, MAX_ROWS).map((x) => el('li', null, String(x)))));
  }
  const cols = [];
  for (const item of items.slice(0, MAX_ROWS)) for (const k of Object.keys(item || {})) if (!cols.includes(k)) cols.push(k);
  const rows = items.slice(0, MAX_ROWS).map((item) => cols.map((c) => cellText(item && item[c])));
  const more = items.length > MAX_ROWS ? el('p', null, t('report.more', { n: items.length - MAX_ROWS })) : null;
  return el('div', { class: 'report-section', 'data-report': key }, table(title, cols.map((c) => label('report', c)), rows), more);
}

function objectView(key, obj) {
  return el('div', { class: 'report-section' }, el('h5', null, label('report', key)),
    el('dl', { class: 'report-facts' }, Object.entries(obj).flatMap(([k, v]) => [el('dt', null, label('report', k)), el('dd', null, cellText(v))])));
}

function cellText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
