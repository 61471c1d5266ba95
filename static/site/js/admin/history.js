// history.js (admin): a record's changes as a timeline people can read: when, who, what they did,
// from where (an edit or an import run), why, and each field's old and new value.

import { el } from '../dom.js';
import { t, label, when } from './i18n.js';

export function timeline(changes, { showRecord = false } = {}) {
  if (!changes.length) return el('p', { class: 'timeline-empty' }, t('history.none'));
  return el('ol', { class: 'timeline' }, changes.map((c) => el('li', { class: `timeline-item action-${c.action}`, 'data-change-id': String(c.id) },
    el('p', { class: 'timeline-head' },
      el('time', { datetime: c.at }, when(c.at)), ' ',
      el('strong', { class: 'timeline-action' }, label('action', c.action)), ' ',
      el('span', { class: 'timeline-actor' }, t('history.by', { actor: c.actor })), ' ',
      c.import_run_id
        ? el('a', { class: 'timeline-source', href: `#/imports?run=${c.import_run_id}` }, t('history.fromImport', { id: c.import_run_id }))
        : el('span', { class: 'timeline-source' }, t('history.fromEdit'))),
    showRecord ? el('p', null, el('a', { href: `#/records/${c.record_id}` }, c.record_name || c.record_id)) : null,
    c.reason ? el('p', { class: 'timeline-reason' }, t('history.reason', { reason: c.reason })) : null,
    diffList(c.diff, c.action))));
}

function diffList(diff, action) {
  const entries = Object.entries(diff || {}).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return null;
  return el('dl', { class: 'diff' }, entries.flatMap(([name, d]) => [
    el('dt', null, label('field', name)),
    el('dd', null,
      action === 'create' ? null : el('del', null, valueText(d && d.old)),
      action === 'create' ? null : el('span', { 'aria-hidden': 'true' }, ' → '),
      el('ins', null, valueText(d && d.new))),
  ]));
}

// valueText renders a stored value as plain text: lists joined, points as "lat, lng", hours by day.
export function valueText(v) {
  if (v === null || v === undefined || v === '') return t('history.empty');
  if (Array.isArray(v)) {
    if (v.length === 2 && v.every((x) => typeof x === 'number')) return `${v[1]}, ${v[0]}`;
    return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('、') : t('history.empty');
  }
  if (typeof v === 'boolean') return v ? t('value.yes') : t('value.no');
  if (typeof v === 'object') return v.weekly ? hoursText(v) : JSON.stringify(v);
  return String(v);
}

function hoursText(h) {
  if (h.always_open) return t('hours.always');
  const days = (h.weekly || []).map((spans, i) => (spans && spans.length
    ? `${t(`day.${i}`)} ${spans.map((s) => `${s.open}-${s.close}`).join(',')}` : null)).filter(Boolean);
  const parts = days.length ? days : [t('hours.none')];
  if (h.note) parts.push(h.note);
  return parts.join('；');
}
